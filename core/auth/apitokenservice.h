// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/apitoken.h"
#include "core/model/identity.h"
#include "core/util/result.h"

#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace ddd::core {
class Clock;
}

namespace ddd::core::deploy {
class ActivityLog;
}

namespace ddd::core::storage {
class ApiTokenStore;
class UserStore;
} // namespace ddd::core::storage

namespace ddd::core::auth {

// Scoped API tokens for automation (CI deploys). A secret is "ddd_" followed
// by 32 random bytes in base64url; it is returned once by create() and only
// its SHA-256 is stored. Authentication resolves the owner's role from the
// users table on every call. Whether the caller owns the project a token is
// scoped to is the caller's check (ProjectStore), done before create().
class ApiTokenService final
{
public:
    static constexpr int kMaxNameLength = 100;
    // How often last_used_at is written at most.
    static constexpr qint64 kUsageResolutionMs = 60 * 1000;
    // A project token used after this long unused (or for the first time)
    // is a new sign-in, recorded in the project's activity as token.used;
    // the requests of one CI run are one sign-in, not hundreds of entries.
    static constexpr qint64 kSignInGapMs = 60 * 60 * 1000;

    struct CreatedToken final
    {
        model::ApiToken token;
        QString secret; // shown to the user once, never stored
    };

    ApiTokenService(storage::ApiTokenStore &tokens, storage::UserStore &users, const Clock &clock);

    // Fails with token.invalid_name (empty, over kMaxNameLength, control
    // characters), token.invalid_capability (empty set or a name outside
    // knownCapabilities(); details.capability names it), token.invalid_expiry
    // (not in the future) or project.not_found.
    Result<CreatedToken> create(qint64 userId, const QString &name, const QSet<QString> &capabilities,
                                std::optional<qint64> projectId, std::optional<qint64> expiresAt);
    Result<QList<model::ApiToken>> list(qint64 userId);
    // token.not_found unless the token exists and belongs to userId.
    Status revoke(qint64 userId, qint64 tokenId);
    // The token's owner with its capabilities and project scope, or
    // auth.invalid_token for an unknown, revoked or expired secret.
    Result<model::Identity> authenticate(const QString &secret);

    // Whether a bearer credential has the API-token shape rather than a JWT's.
    static bool isApiTokenSecret(const QString &bearer);
    static const QSet<QString> &knownCapabilities();
    // Tokens scoped to a project are recorded in its activity log when
    // created and revoked (their name, never their secret).
    void recordActivityIn(deploy::ActivityLog &log) { m_activity = &log; }

private:
    static Status validate(const QString &name, const QSet<QString> &capabilities);

    storage::ApiTokenStore &m_tokens;
    storage::UserStore &m_users;
    const Clock &m_clock;
    deploy::ActivityLog *m_activity = nullptr;
};

} // namespace ddd::core::auth
