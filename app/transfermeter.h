// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>

#include <optional>
#include <utility>

namespace ddd::core {
class Clock;
}

namespace ddd::app {

// Upload speed and time left, from the bytes sent over the last few seconds
// so a stall shows up quickly and an early burst does not linger.
class TransferMeter final
{
public:
    explicit TransferMeter(const core::Clock &clock, qint64 windowMs = 5000);

    void reset();
    void record(qint64 bytesSent);
    // Bytes per second; nullopt until two samples lie at least 200 ms apart.
    std::optional<double> bytesPerSecond() const;
    // Whole seconds, rounded up; nullopt while the rate is unknown or zero.
    std::optional<qint64> secondsLeft(qint64 bytesTotal) const;

private:
    const core::Clock &m_clock;
    qint64 m_windowMs;
    QList<std::pair<qint64, qint64>> m_samples; // (time ms, bytes sent)
};

} // namespace ddd::app
