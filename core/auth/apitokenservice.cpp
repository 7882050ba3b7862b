// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/apitokenservice.h"

#include "core/auth/securerandom.h"
#include "core/deploy/activitylog.h"
#include "core/storage/apitokenstore.h"
#include "core/storage/userstore.h"
#include "core/util/clock.h"

#include <QCryptographicHash>
#include <QJsonArray>

#include <algorithm>

namespace ddd::core::auth {

namespace {

const QString kPrefix = u"ddd_"_qs;

QJsonObject tokenDetail(const model::ApiToken &token)
{
    QStringList capabilities(token.capabilities.cbegin(), token.capabilities.cend());
    capabilities.sort();
    return QJsonObject{{u"token"_qs, token.name}, {u"capabilities"_qs, QJsonArray::fromStringList(capabilities)}};
}
constexpr int kSecretBytes = 32;
constexpr int kSecretLength = 4 + 43; // prefix + unpadded base64url of 32 bytes

Error invalidToken(const QString &reason)
{
    return Error::make(u"auth.invalid_token"_qs, u"invalid or expired token"_qs, {{u"reason"_qs, reason}});
}

QByteArray secretHash(const QString &secret)
{
    return QCryptographicHash::hash(secret.toLatin1(), QCryptographicHash::Sha256);
}

bool isBase64UrlChar(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-'
        || c == u'_';
}

} // namespace

ApiTokenService::ApiTokenService(storage::ApiTokenStore &tokens, storage::UserStore &users, const Clock &clock)
    : m_tokens(tokens), m_users(users), m_clock(clock)
{
}

const QSet<QString> &ApiTokenService::knownCapabilities()
{
    static const QSet<QString> all{u"read"_qs, u"deploy"_qs, u"activate"_qs, u"projects"_qs, u"build"_qs};
    return all;
}

bool ApiTokenService::isApiTokenSecret(const QString &bearer)
{
    return bearer.startsWith(kPrefix);
}

Status ApiTokenService::validate(const QString &name, const QSet<QString> &capabilities)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > kMaxNameLength
        || std::any_of(trimmed.cbegin(), trimmed.cend(), [](QChar c) { return c.category() == QChar::Other_Control; }))
        return Error::make(u"token.invalid_name"_qs,
                           QStringLiteral("a token name must have 1 to %1 printable characters").arg(kMaxNameLength));
    if (capabilities.isEmpty())
        return Error::make(u"token.invalid_capability"_qs, u"a token needs at least one capability"_qs);
    for (const QString &capability : capabilities) {
        if (!knownCapabilities().contains(capability))
            return Error::make(u"token.invalid_capability"_qs, u"unknown capability"_qs,
                               {{u"capability"_qs, capability}});
    }
    return {};
}

Result<ApiTokenService::CreatedToken> ApiTokenService::create(qint64 userId, const QString &name,
                                                              const QSet<QString> &capabilities,
                                                              std::optional<qint64> projectId,
                                                              std::optional<qint64> expiresAt)
{
    if (Status valid = validate(name, capabilities); !valid)
        return valid.error();
    const qint64 now = m_clock.nowMs();
    if (expiresAt && *expiresAt <= now)
        return Error::make(u"token.invalid_expiry"_qs, u"the expiry time must lie in the future"_qs);
    Result<QByteArray> random = SecureRandom::bytes(kSecretBytes);
    if (!random)
        return random.error();
    const QString secret =
        kPrefix + QString::fromLatin1(random->toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const model::ApiToken token{0, userId, name.trimmed(), capabilities, projectId, expiresAt, now, std::nullopt};
    Result<model::ApiToken> stored = m_tokens.insert(token, secretHash(secret));
    if (!stored)
        return stored.error();
    if (m_activity && projectId)
        m_activity->recordUser(*projectId, userId, {u"token.created"_qs, std::nullopt, tokenDetail(*stored)});
    return CreatedToken{std::move(stored).value(), secret};
}

Result<QList<model::ApiToken>> ApiTokenService::list(qint64 userId)
{
    return m_tokens.listForUser(userId);
}

Status ApiTokenService::revoke(qint64 userId, qint64 tokenId)
{
    // Which project the token was for is known only before it goes.
    std::optional<model::ApiToken> scoped;
    if (m_activity)
        if (Result<QList<model::ApiToken>> tokens = m_tokens.listForUser(userId); tokens)
            for (const model::ApiToken &token : *tokens)
                if (token.id == tokenId && token.projectId)
                    scoped = token;
    Status removed = m_tokens.remove(userId, tokenId);
    if (removed && scoped)
        m_activity->recordUser(*scoped->projectId, userId, {u"token.revoked"_qs, std::nullopt, tokenDetail(*scoped)});
    return removed;
}

Result<model::Identity> ApiTokenService::authenticate(const QString &secret)
{
    if (secret.size() != kSecretLength || !secret.startsWith(kPrefix)
        || !std::all_of(secret.cbegin() + kPrefix.size(), secret.cend(), isBase64UrlChar))
        return invalidToken(u"format"_qs);
    Result<model::ApiToken> token = m_tokens.findBySecretHash(secretHash(secret));
    if (!token && token.error().code == u"token.not_found")
        return invalidToken(u"unknown"_qs);
    if (!token)
        return token.error();
    const qint64 now = m_clock.nowMs();
    if (token->expiresAt && *token->expiresAt <= now)
        return invalidToken(u"expired"_qs);
    Result<model::User> owner = m_users.findById(token->userId);
    if (!owner && owner.error().code == u"user.not_found")
        return invalidToken(u"owner_missing"_qs);
    if (!owner)
        return owner.error();
    model::Identity identity{owner->id, owner->email, owner->role, true, token->capabilities, token->projectId};
    // Bookkeeping only: a failed write must not refuse a valid token.
    const Result<bool> touched = m_tokens.touch(token->id, now, kUsageResolutionMs);
    const bool signIn = !token->lastUsedAt || now - *token->lastUsedAt >= kSignInGapMs;
    if (touched && *touched && signIn && m_activity && token->projectId)
        m_activity->record(identity, *token->projectId, {u"token.used"_qs, std::nullopt, tokenDetail(*token)});
    return identity;
}

} // namespace ddd::core::auth
