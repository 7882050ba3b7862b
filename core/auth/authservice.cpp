// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/authservice.h"

#include "core/auth/apitokenservice.h"
#include "core/auth/loginthrottle.h"
#include "core/auth/tokenservice.h"
#include "core/model/emailaddress.h"
#include "core/storage/userstore.h"

namespace ddd::core::auth {

namespace {

Error invalidCredentials()
{
    return Error::make(u"auth.invalid_credentials"_qs, u"invalid credentials"_qs);
}

bool isNotFound(const Error &error)
{
    return error.code == u"user.not_found";
}

} // namespace

AuthService::AuthService(storage::UserStore &users, PasswordHasher &hasher, TokenService &tokens,
                         LoginThrottle &throttle, ApiTokenService &apiTokens)
    : m_users(users), m_hasher(hasher), m_tokens(tokens), m_throttle(throttle), m_apiTokens(apiTokens)
{
}

Result<AuthService::Session> AuthService::registerUser(const QString &email, const QString &password,
                                                       bool allowSelfSignup)
{
    // Closed means closed, even on an agent without accounts: the first
    // operator is created on the server with `ddd-agent user add`, so whoever
    // finds a fresh agent on the network cannot claim it.
    if (!allowSelfSignup)
        return Error::make(u"auth.registration_closed"_qs, u"self sign-up is off on this agent"_qs);
    Result<model::User> user = addAccount(email, password, PasswordHasher::kMinPasswordLength, std::nullopt);
    if (!user)
        return user.error();
    return startSession(*user);
}

Result<model::User> AuthService::createUser(const QString &email, const QString &password,
                                            std::optional<model::Role> role, int minPasswordLength)
{
    return addAccount(email, password, minPasswordLength, role);
}

Result<model::User> AuthService::addAccount(const QString &email, const QString &password, int minPasswordLength,
                                            std::optional<model::Role> role)
{
    const QString trimmed = email.trimmed();
    if (Status valid = model::EmailAddress::validate(trimmed); !valid)
        return valid.error();
    if (Status length = PasswordHasher::checkLength(password, minPasswordLength); !length)
        return length.error();
    Result<QString> hash = m_hasher.hash(password, minPasswordLength);
    if (!hash)
        return hash.error();
    return m_users.create(trimmed, *hash, role);
}

Result<AuthService::Session> AuthService::login(const QString &email, const QString &password,
                                                const QString &clientAddress)
{
    if (Status allowed = m_throttle.check(clientAddress, email); !allowed)
        return allowed.error();
    Result<std::optional<model::User>> user = checkCredentials(email, password);
    if (!user)
        return user.error();
    if (!*user) {
        m_throttle.recordFailure(clientAddress, email);
        return invalidCredentials();
    }
    m_throttle.recordSuccess(clientAddress, email);
    return startSession(**user);
}

Result<std::optional<model::User>> AuthService::checkCredentials(const QString &email, const QString &password)
{
    using MaybeUser = std::optional<model::User>;
    // Longer addresses cannot have been registered; skip the lookup, keep the cost.
    Result<model::User> user = email.size() > model::EmailAddress::kMaxLength
        ? Result<model::User>(Error::make(u"user.not_found"_qs, QString()))
        : m_users.findByEmail(email);
    if (!user && !isNotFound(user.error()))
        return user.error();
    if (!user) {
        Status burned = m_hasher.verifyDummy(password);
        if (!burned && burned.error().code != u"auth.password_too_long")
            return burned.error();
        return MaybeUser();
    }
    Result<bool> matched = checkPassword(*user, password);
    if (!matched)
        return matched.error();
    return *matched ? MaybeUser(*user) : MaybeUser();
}

// A password too long to hash simply does not match.
Result<bool> AuthService::checkPassword(const model::User &user, const QString &password)
{
    Result<QString> hash = m_users.passwordHash(user.id);
    if (!hash)
        return hash.error();
    Result<bool> matched = m_hasher.verify(password, *hash);
    if (!matched && matched.error().code == u"auth.password_too_long")
        return false;
    if (matched && *matched)
        upgradeHashIfOutdated(user.id, password, *hash);
    return matched;
}

void AuthService::upgradeHashIfOutdated(qint64 userId, const QString &password, const QString &storedHash)
{
    if (!m_hasher.needsRehash(storedHash))
        return;
    // The password may predate today's minimum length; it was just proven
    // correct, so no length rule applies. Busy or failing: next login retries.
    Result<QString> stronger = m_hasher.hash(password, 0);
    if (stronger)
        (void)m_users.upgradeHash(userId, storedHash, *stronger);
}

Result<AuthService::Session> AuthService::startSession(const model::User &user)
{
    Result<TokenService::IssuedToken> issued = m_tokens.issue(user.id, user.tokenVersion);
    if (!issued)
        return issued.error();
    return Session{issued->token, issued->expiresAt, user};
}

Result<model::User> AuthService::account(qint64 userId)
{
    return m_users.findById(userId);
}

Result<model::Identity> AuthService::authenticateBearer(const QString &token)
{
    if (ApiTokenService::isApiTokenSecret(token))
        return m_apiTokens.authenticate(token);
    Result<TokenService::Claims> claims = m_tokens.verify(token);
    if (!claims)
        return claims.error();
    Result<model::User> user = m_users.findById(claims->userId);
    if (!user && isNotFound(user.error()))
        return Error::make(u"auth.invalid_token"_qs, u"invalid or expired token"_qs,
                           {{u"reason"_qs, u"user_missing"_qs}});
    if (!user)
        return user.error();
    if (user->tokenVersion != claims->tokenVersion)
        return Error::make(u"auth.invalid_token"_qs, u"invalid or expired token"_qs, {{u"reason"_qs, u"revoked"_qs}});
    return model::Identity{user->id, user->email, user->role, false, {}, std::nullopt};
}

Result<AuthService::Session> AuthService::changePassword(qint64 userId, const QString &currentPassword,
                                                         const QString &newPassword, const QString &clientAddress)
{
    Result<model::User> user = m_users.findById(userId);
    if (!user)
        return user.error();
    if (Status allowed = m_throttle.check(clientAddress, user->email); !allowed)
        return allowed.error();
    // Operators and admins keep the stricter minimum their accounts were
    // created with on the command line; users choose theirs at sign-up.
    const int minLength = user->role != model::Role::User ? PasswordHasher::kMinBootstrapPasswordLength
                                                              : PasswordHasher::kMinPasswordLength;
    if (Status length = PasswordHasher::checkLength(newPassword, minLength); !length)
        return length.error();
    Result<bool> matched = checkPassword(*user, currentPassword);
    if (!matched)
        return matched.error();
    if (!*matched) {
        m_throttle.recordFailure(clientAddress, user->email);
        return Error::make(u"auth.wrong_password"_qs, u"the current password is wrong"_qs);
    }
    Result<QString> hash = m_hasher.hash(newPassword, minLength);
    if (!hash)
        return hash.error();
    Result<model::User> updated = m_users.setPassword(userId, *hash);
    if (!updated)
        return updated.error();
    return startSession(*updated);
}

} // namespace ddd::core::auth
