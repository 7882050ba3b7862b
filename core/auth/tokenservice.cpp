// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/tokenservice.h"

#include "core/auth/hmacsha256.h"
#include "core/auth/jwtkeyfile.h"
#include "core/util/clock.h"
#include "core/util/strictjson.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include <algorithm>
#include <cmath>
#include <optional>

namespace ddd::core::auth {

namespace {

const QString kIssuer = u"ddd-agent"_qs;
const QString kAudience = u"ddd-api"_qs;
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
constexpr double kMaxSafeInteger = 9007199254740991.0; // 2^53 - 1

Error invalid(const QString &reason)
{
    return Error::make(u"auth.invalid_token"_qs, u"invalid or expired token"_qs, {{u"reason"_qs, reason}});
}

bool isBase64UrlChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

// Base64url without padding, and canonical: re-encoding gives the same text,
// so unused trailing bits cannot make two spellings of one token.
std::optional<QByteArray> decodePart(const QByteArray &part)
{
    if (part.isEmpty() || part.size() % 4 == 1 || !std::all_of(part.cbegin(), part.cend(), isBase64UrlChar))
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(part, kBase64Url | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.toBase64(kBase64Url) != part)
        return std::nullopt;
    return decoded.decoded;
}

Status checkHeader(const QByteArray &json)
{
    const Result<QJsonObject> header = StrictJson::parseObject(json);
    if (!header)
        return invalid(u"header_json"_qs);
    for (auto it = header->constBegin(); it != header->constEnd(); ++it) {
        if (it.key() != u"alg" && it.key() != u"typ")
            return invalid(u"header_field"_qs);
    }
    if (header->value(u"alg"_qs) != QJsonValue(u"HS256"_qs))
        return invalid(u"algorithm"_qs);
    if (header->contains(u"typ"_qs) && header->value(u"typ"_qs) != QJsonValue(u"JWT"_qs))
        return invalid(u"type"_qs);
    return {};
}

// NumericDate and our other integer claims: whole, non-negative, exact in a double.
std::optional<qint64> integerClaim(const QJsonObject &claims, const QString &name)
{
    const QJsonValue value = claims.value(name);
    if (!value.isDouble())
        return std::nullopt;
    const double number = value.toDouble();
    if (!(number >= 0 && number <= kMaxSafeInteger) || number != std::floor(number))
        return std::nullopt;
    return qint64(number);
}

// "sub" is the user id as a decimal string without sign or leading zeros.
std::optional<qint64> subjectClaim(const QJsonObject &claims)
{
    const QJsonValue value = claims.value(u"sub"_qs);
    const QString text = value.toString();
    if (!value.isString() || text.isEmpty() || text.size() > 18 || text.startsWith(u'0')
        || !std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return std::nullopt;
    return text.toLongLong();
}

} // namespace

TokenService::TokenService(QByteArray key, const Clock &clock, Options options)
    : m_key(std::move(key)), m_clock(&clock), m_options(options)
{
}

Result<TokenService> TokenService::create(QByteArray key, const Clock &clock)
{
    return create(std::move(key), clock, Options{});
}

Result<TokenService> TokenService::create(QByteArray key, const Clock &clock, Options options)
{
    if (key.size() < JwtKeyFile::kKeyBytes)
        return Error::make(u"auth.key_invalid"_qs,
                           QStringLiteral("the token signing key needs at least %1 bytes").arg(JwtKeyFile::kKeyBytes));
    if (options.lifetimeSeconds < 1 || options.lifetimeSeconds > kMaxLifetimeSeconds || options.leewaySeconds < 0
        || options.leewaySeconds > kMaxLeewaySeconds)
        return Error::make(u"auth.invalid_token_options"_qs,
                           QStringLiteral("token lifetime must be 1..%1 s and clock leeway 0..%2 s")
                               .arg(kMaxLifetimeSeconds).arg(kMaxLeewaySeconds));
    return TokenService(std::move(key), clock, options);
}

Result<QByteArray> TokenService::sign(const QByteArray &signingInput) const
{
    QByteArray mac = HmacSha256::sign(m_key, signingInput);
    if (mac.isEmpty())
        return Error::make(u"crypto.mac_failed"_qs, u"computing the token signature failed"_qs);
    return mac;
}

Result<TokenService::IssuedToken> TokenService::issue(qint64 userId, qint64 tokenVersion) const
{
    const qint64 now = m_clock->nowMs() / 1000;
    const qint64 expiresAt = now + m_options.lifetimeSeconds;
    const QJsonObject claims{{u"sub"_qs, QString::number(userId)}, {u"iat"_qs, now},
                             {u"exp"_qs, expiresAt},          {u"iss"_qs, kIssuer},
                             {u"aud"_qs, kAudience},          {u"tv"_qs, tokenVersion}};
    const QByteArray signingInput = QByteArray(R"({"alg":"HS256","typ":"JWT"})").toBase64(kBase64Url) + '.'
        + QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(kBase64Url);
    Result<QByteArray> mac = sign(signingInput);
    if (!mac)
        return mac.error();
    return IssuedToken{QString::fromLatin1(signingInput + '.' + mac->toBase64(kBase64Url)), expiresAt};
}

Result<TokenService::Claims> TokenService::verify(const QString &token) const
{
    if (token.size() > kMaxTokenLength)
        return invalid(u"length"_qs);
    // Non-Latin-1 characters become '?' and fail the base64url check below.
    const QList<QByteArray> parts = token.toLatin1().split('.');
    if (parts.size() != 3)
        return invalid(u"structure"_qs);
    const auto header = decodePart(parts.at(0));
    const auto payload = decodePart(parts.at(1));
    const auto signature = decodePart(parts.at(2));
    if (!header || !payload || !signature)
        return invalid(u"encoding"_qs);
    if (Status headerOk = checkHeader(*header); !headerOk)
        return headerOk.error();
    Result<QByteArray> expected = sign(parts.at(0) + '.' + parts.at(1));
    if (!expected)
        return expected.error();
    if (!HmacSha256::equal(*signature, *expected))
        return invalid(u"signature"_qs);
    return checkClaims(*payload);
}

Result<TokenService::Claims> TokenService::checkClaims(const QByteArray &payload) const
{
    const Result<QJsonObject> parsed = StrictJson::parseObject(payload);
    if (!parsed)
        return invalid(u"claims_json"_qs);
    const QJsonObject &claims = *parsed;
    if (claims.value(u"iss"_qs) != QJsonValue(kIssuer))
        return invalid(u"issuer"_qs);
    if (claims.value(u"aud"_qs) != QJsonValue(kAudience))
        return invalid(u"audience"_qs);
    const auto userId = subjectClaim(claims);
    const auto version = integerClaim(claims, u"tv"_qs);
    const auto issuedAt = integerClaim(claims, u"iat"_qs);
    const auto expiresAt = integerClaim(claims, u"exp"_qs);
    if (!userId || !version || !issuedAt || !expiresAt)
        return invalid(u"missing_claim"_qs);
    if (*expiresAt <= *issuedAt || *expiresAt - *issuedAt > kMaxLifetimeSeconds)
        return invalid(u"lifetime"_qs);
    const qint64 now = m_clock->nowMs() / 1000;
    const qint64 leeway = m_options.leewaySeconds;
    if (now >= *expiresAt + leeway)
        return invalid(u"expired"_qs);
    if (*issuedAt > now + leeway)
        return invalid(u"issued_in_future"_qs);
    if (claims.contains(u"nbf"_qs)) {
        const auto notBefore = integerClaim(claims, u"nbf"_qs);
        if (!notBefore || *notBefore > now + leeway)
            return invalid(u"not_yet_valid"_qs);
    }
    return Claims{*userId, *version, *issuedAt, *expiresAt};
}

} // namespace ddd::core::auth
