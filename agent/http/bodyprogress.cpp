// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/bodyprogress.h"

#include <algorithm>

namespace ddd::agent::http {

namespace {

constexpr int kSamplesPerWindow = 16;

qint64 seconds(std::chrono::milliseconds duration)
{
    return std::chrono::duration_cast<std::chrono::seconds>(duration).count();
}

} // namespace

BodyProgress::BodyProgress(const Rules &rules, Clock::time_point start)
    : m_rules(rules), m_start(start), m_lastByte(start), m_samples{{start, 0}}
{
}

void BodyProgress::received(qint64 bytes, Clock::time_point now)
{
    m_total += bytes;
    m_lastByte = now;
    // Bytes merged into a sample count as arrived at its (earlier) time, so
    // they leave the window a little early: the error is on the strict side
    // and at most a sixteenth of the window.
    if (now - m_samples.last().at < m_rules.rateWindow / kSamplesPerWindow)
        m_samples.last().total = m_total;
    else
        m_samples.append({now, m_total});
    forgetOldSamples(now);
}

// Keeps the newest sample at or before the window's start: it is the
// baseline the window's bytes are counted from.
void BodyProgress::forgetOldSamples(Clock::time_point now)
{
    const Clock::time_point windowStart = now - m_rules.rateWindow;
    qsizetype baseline = 0;
    while (baseline + 1 < m_samples.size() && m_samples.at(baseline + 1).at <= windowStart)
        ++baseline;
    m_samples.remove(0, baseline);
}

qint64 BodyProgress::windowFloor() const
{
    return std::max<qint64>(1, m_rules.minBytesPerSecond * m_rules.rateWindow.count() / 1000);
}

// With nothing more arriving, the window's count only falls, each time a
// sample slides out of it; the rule breaks when the first sample leaves
// after which fewer than the floor remain - never in the first window.
BodyProgress::Clock::time_point BodyProgress::rateDeadline() const
{
    if (m_rules.minBytesPerSecond <= 0)
        return Clock::time_point::max();
    Clock::time_point breaks = m_samples.last().at;
    for (const Sample &sample : m_samples) {
        if (m_total - sample.total < windowFloor()) {
            breaks = sample.at;
            break;
        }
    }
    return std::max(breaks, m_start) + m_rules.rateWindow;
}

BodyProgress::Clock::time_point BodyProgress::deadline() const
{
    return std::min(m_lastByte + m_rules.idleTimeout, rateDeadline());
}

std::optional<QString> BodyProgress::brokenRule(Clock::time_point now) const
{
    if (now >= m_lastByte + m_rules.idleTimeout)
        return QStringLiteral("no body bytes arrived for %1 s").arg(seconds(m_rules.idleTimeout));
    if (now >= rateDeadline())
        return QStringLiteral("the body arrived slower than %1 bytes/s over %2 s")
            .arg(m_rules.minBytesPerSecond)
            .arg(seconds(m_rules.rateWindow));
    return std::nullopt;
}

} // namespace ddd::agent::http
