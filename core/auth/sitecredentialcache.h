// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/auth/hmacsha256key.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <mutex>

namespace ddd::core {
class Clock;
}

namespace ddd::core::auth {

// Remembers HTTP Basic credentials that passed argon2id, briefly, so a
// browser that resends them with every request costs one hash per visit, not
// one per request (security guide 6.6). Entries are keyed by an HMAC, under a
// key that lives only in this process, of the project, the user name, the
// stored hash and the password: the password is never kept, and a changed
// password (a new hash with a new salt) or a removed user can never match an
// old entry, so changes take effect at once. Thread-safe.
class SiteCredentialCache final
{
public:
    struct Limits final
    {
        qint64 lifetimeMs = 5 * 60 * 1000;
        int maxEntries = 10000;
    };

    // `key`: random bytes made at start-up.
    SiteCredentialCache(const Clock &clock, QByteArray key);
    SiteCredentialCache(const Clock &clock, QByteArray key, Limits limits);

    bool contains(qint64 projectId, const QString &username, const QString &storedHash, const QString &password);
    void remember(qint64 projectId, const QString &username, const QString &storedHash, const QString &password);

private:
    QByteArray fingerprint(qint64 projectId, const QString &username, const QString &storedHash,
                           const QString &password) const;
    void makeRoom(qint64 now);

    const Clock &m_clock;
    const HmacSha256Key m_key;
    const Limits m_limits;
    std::mutex m_mutex;
    QHash<QByteArray, qint64> m_expiries; // fingerprint -> Unix ms
};

} // namespace ddd::core::auth
