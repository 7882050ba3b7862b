// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/auth/hmacsha256key.h"
#include "core/util/result.h"

#include <QByteArray>

namespace ddd::core {
class Clock;
}

namespace ddd::core::auth {

// Expiring signed links that let a visitor into a protected site without its
// password. A token names its project, the project's share-link generation
// and its expiry, and carries an HMAC of the three, so the agent keeps no
// list of links: checking one costs a MAC, and bumping the project's
// generation revokes every link issued before. Tokens use only [0-9A-Za-z._-]
// so they travel unchanged in a query string and a cookie.
class ShareLinks final
{
public:
    static constexpr qint64 kMinLifetimeSeconds = 60;
    static constexpr qint64 kMaxLifetimeSeconds = 30 * 24 * 3600;
    static constexpr qsizetype kMaxTokenBytes = 160;

    struct Issued final
    {
        QByteArray token;
        qint64 expiresAtMs = 0;
    };

    // `key` should be at least 32 secret bytes.
    ShareLinks(QByteArray key, const Clock &clock);

    // `site.invalid_share_lifetime` outside kMin..kMaxLifetimeSeconds.
    Result<Issued> issue(qint64 projectId, qint64 generation, qint64 lifetimeSeconds) const;
    // The seconds the link has left (rounded up) when `token` was issued for
    // this project and generation and has not expired; else
    // `site.share_link_invalid` or `site.share_link_expired`.
    Result<qint64> verify(const QByteArray &token, qint64 projectId, qint64 generation) const;

private:
    QByteArray mac(qint64 projectId, qint64 generation, qint64 expiresAtSeconds) const;

    HmacSha256Key m_key;
    const Clock &m_clock;
};

} // namespace ddd::core::auth
