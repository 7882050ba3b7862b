// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/auth/passwordhasher.h"
#include "core/model/identity.h"
#include "core/model/role.h"
#include "core/model/user.h"
#include "core/util/result.h"

#include <QString>

#include <optional>

namespace ddd::core::storage {
class UserStore;
}

namespace ddd::core::auth {

class ApiTokenService;
class LoginThrottle;
class TokenService;

// The account use cases behind the auth endpoints and the `user add` command.
// Login failures are one generic `auth.invalid_credentials` whether the
// account exists or not, with the same argon2 cost either way; a login may
// also fail with `auth.rate_limited` (LoginThrottle) or `auth.busy`
// (HashingSlots). Bearer credentials are checked against the database on
// every call: a deleted user, a changed password or role (token version) end
// a session at once, and the role always comes from the users table.
class AuthService final
{
public:
    struct Session final
    {
        QString token;
        qint64 expiresAt = 0; // Unix seconds
        model::User user;
    };

    AuthService(storage::UserStore &users, PasswordHasher &hasher, TokenService &tokens, LoginThrottle &throttle,
                ApiTokenService &apiTokens);

    // Self-service sign-up: `auth.registration_closed` unless allowed by the
    // operator's auth.allow_signup switch. The first account becomes operator. Also user.invalid_email, user.email_taken,
    // auth.password_too_short / auth.password_too_long, auth.busy.
    Result<Session> registerUser(const QString &email, const QString &password, bool allowSelfSignup);

    Result<Session> login(const QString &email, const QString &password, const QString &clientAddress);

    // A session JWT, or an API token ("ddd_..."); `auth.invalid_token` otherwise.
    Result<model::Identity> authenticateBearer(const QString &token);
    // The signed-in account as stored (GET /api/v1/me).
    Result<model::User> account(qint64 userId);

    // Ends every other session (token version bump) and answers a new one.
    // A wrong current password is `auth.wrong_password` and counts against
    // the login throttle, so a stolen session cannot guess it at leisure.
    Result<Session> changePassword(qint64 userId, const QString &currentPassword, const QString &newPassword,
                                   const QString &clientAddress);

    // For the command line and administrators: no self-signup check. Without
    // a role the first-account-is-operator rule applies.
    Result<model::User> createUser(const QString &email, const QString &password, std::optional<model::Role> role,
                                   int minPasswordLength = PasswordHasher::kMinBootstrapPasswordLength);

private:
    Result<model::User> addAccount(const QString &email, const QString &password, int minPasswordLength,
                                   std::optional<model::Role> role);
    // The user when email and password match, nothing when they do not.
    Result<std::optional<model::User>> checkCredentials(const QString &email, const QString &password);
    Result<bool> checkPassword(const model::User &user, const QString &password);
    void upgradeHashIfOutdated(qint64 userId, const QString &password, const QString &storedHash);
    Result<Session> startSession(const model::User &user);

    storage::UserStore &m_users;
    PasswordHasher &m_hasher;
    TokenService &m_tokens;
    LoginThrottle &m_throttle;
    ApiTokenService &m_apiTokens;
};

} // namespace ddd::core::auth
