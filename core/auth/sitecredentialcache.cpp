// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/sitecredentialcache.h"

#include "core/util/clock.h"

namespace ddd::core::auth {

namespace {

// Length-prefixed so no two different tuples give the same message.
void appendField(QByteArray &message, const QByteArray &field)
{
    message += QByteArray::number(field.size()) + ':' + field;
}

} // namespace

SiteCredentialCache::SiteCredentialCache(const Clock &clock, QByteArray key)
    : SiteCredentialCache(clock, std::move(key), Limits{})
{
}

SiteCredentialCache::SiteCredentialCache(const Clock &clock, QByteArray key, Limits limits)
    : m_clock(clock), m_key(key), m_limits(limits)
{
}

QByteArray SiteCredentialCache::fingerprint(qint64 projectId, const QString &username, const QString &storedHash,
                                            const QString &password) const
{
    QByteArray message;
    appendField(message, QByteArray::number(projectId));
    appendField(message, username.toUtf8());
    appendField(message, storedHash.toUtf8());
    appendField(message, password.toUtf8());
    return m_key.sign(message);
}

bool SiteCredentialCache::contains(qint64 projectId, const QString &username, const QString &storedHash,
                                   const QString &password)
{
    const QByteArray key = fingerprint(projectId, username, storedHash, password);
    std::lock_guard lock(m_mutex);
    const auto it = m_expiries.constFind(key);
    return it != m_expiries.cend() && it.value() > m_clock.nowMs();
}

void SiteCredentialCache::remember(qint64 projectId, const QString &username, const QString &storedHash,
                                   const QString &password)
{
    const QByteArray key = fingerprint(projectId, username, storedHash, password);
    const qint64 now = m_clock.nowMs();
    std::lock_guard lock(m_mutex);
    if (!m_expiries.contains(key))
        makeRoom(now);
    m_expiries.insert(key, now + m_limits.lifetimeMs);
}

// Expired entries go first; if the cache is still full, it starts again
// empty: the price is one extra hash per active visitor, never unbounded memory.
void SiteCredentialCache::makeRoom(qint64 now)
{
    if (m_expiries.size() < m_limits.maxEntries)
        return;
    m_expiries.removeIf([now](const auto &entry) { return entry.value() <= now; });
    if (m_expiries.size() >= m_limits.maxEntries)
        m_expiries.clear();
}

} // namespace ddd::core::auth
