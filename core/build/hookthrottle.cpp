// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/hookthrottle.h"

#include "core/util/clock.h"

namespace ddd::core::build {

HookThrottle::HookThrottle(const Clock &clock, int limit, qint64 windowMs)
    : m_clock(clock), m_limit(limit), m_windowMs(windowMs)
{
}

std::optional<qint64> HookThrottle::admit(const QString &key)
{
    const qint64 now = m_clock.nowMs();
    std::lock_guard lock(m_mutex);
    // Forget keys whose calls all left the window, so the table stays small.
    for (auto it = m_calls.begin(); it != m_calls.end();)
        it = (it->isEmpty() || it->last() <= now - m_windowMs) ? m_calls.erase(it) : std::next(it);
    QList<qint64> &calls = m_calls[key];
    while (!calls.isEmpty() && calls.first() <= now - m_windowMs)
        calls.removeFirst();
    if (calls.size() >= m_limit)
        return calls.first() + m_windowMs - now;
    calls.append(now);
    return std::nullopt;
}

} // namespace ddd::core::build
