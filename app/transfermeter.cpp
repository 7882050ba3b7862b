// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/transfermeter.h"

#include "core/util/clock.h"

#include <cmath>

namespace ddd::app {

namespace {

constexpr qint64 MinimumSpanMs = 200;

} // namespace

TransferMeter::TransferMeter(const core::Clock &clock, qint64 windowMs) : m_clock(clock), m_windowMs(windowMs) {}

void TransferMeter::reset()
{
    m_samples.clear();
}

void TransferMeter::record(qint64 bytesSent)
{
    const qint64 now = m_clock.nowMs();
    // A resumed transfer may report fewer bytes than before: start over.
    if (!m_samples.isEmpty() && bytesSent < m_samples.last().second)
        m_samples.clear();
    m_samples.append({now, bytesSent});
    while (m_samples.size() > 2 && now - m_samples.at(1).first >= m_windowMs)
        m_samples.removeFirst();
}

std::optional<double> TransferMeter::bytesPerSecond() const
{
    if (m_samples.size() < 2)
        return std::nullopt;
    const qint64 span = m_samples.last().first - m_samples.first().first;
    if (span < MinimumSpanMs)
        return std::nullopt;
    return double(m_samples.last().second - m_samples.first().second) * 1000.0 / double(span);
}

std::optional<qint64> TransferMeter::secondsLeft(qint64 bytesTotal) const
{
    const std::optional<double> rate = bytesPerSecond();
    if (!rate || *rate <= 0 || m_samples.isEmpty())
        return std::nullopt;
    const qint64 left = qMax<qint64>(0, bytesTotal - m_samples.last().second);
    return qint64(std::ceil(double(left) / *rate));
}

} // namespace ddd::app
