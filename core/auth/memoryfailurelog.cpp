// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/memoryfailurelog.h"

#include <algorithm>

namespace ddd::core::auth {

Result<std::optional<qint64>> MemoryFailureLog::nthLatest(const QString &key, int n, qint64 afterMs)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_failures.constFind(key);
    if (it == m_failures.cend() || n < 1 || qsizetype(it->size()) < n)
        return std::optional<qint64>();
    const qint64 at = (*it)[it->size() - size_t(n)];
    return at > afterMs ? std::optional<qint64>(at) : std::nullopt;
}

Status MemoryFailureLog::record(const QStringList &keys, qint64 atMs)
{
    std::lock_guard lock(m_mutex);
    for (const QString &key : keys) {
        std::deque<qint64> &times = m_failures[key];
        // Kept in order even when a slower thread records an earlier time.
        times.insert(std::upper_bound(times.begin(), times.end(), atMs), atMs);
    }
    return {};
}

Status MemoryFailureLog::forget(const QStringList &keys)
{
    std::lock_guard lock(m_mutex);
    for (const QString &key : keys)
        m_failures.remove(key);
    return {};
}

Status MemoryFailureLog::forgetUpTo(qint64 cutoffMs)
{
    std::lock_guard lock(m_mutex);
    for (auto it = m_failures.begin(); it != m_failures.end();) {
        std::deque<qint64> &times = *it;
        while (!times.empty() && times.front() <= cutoffMs)
            times.pop_front();
        it = times.empty() ? m_failures.erase(it) : std::next(it);
    }
    return {};
}

} // namespace ddd::core::auth
