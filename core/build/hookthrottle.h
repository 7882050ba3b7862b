// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <mutex>
#include <optional>

namespace ddd::core {
class Clock;
}

namespace ddd::core::build {

// At most `limit` calls per key within `windowMs`; a refused call learns
// when the oldest counted one leaves the window (the true Retry-After).
// Thread-safe.
class HookThrottle final
{
public:
    HookThrottle(const Clock &clock, int limit, qint64 windowMs);

    // nullopt: admitted (and counted); otherwise the milliseconds to wait.
    std::optional<qint64> admit(const QString &key);

private:
    const Clock &m_clock;
    const int m_limit;
    const qint64 m_windowMs;
    std::mutex m_mutex;
    QHash<QString, QList<qint64>> m_calls;
};

} // namespace ddd::core::build
