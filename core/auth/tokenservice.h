// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

namespace ddd::core {
class Clock;
}

namespace ddd::core::auth {

// Session tokens: compact JWS, HS256 only, verified strictly as RFC 8725 asks
// (security guide 5). The token never chooses the algorithm or the key; the
// header may hold only "alg":"HS256" and optionally "typ":"JWT", so jku, jwk,
// x5u, crit, kid and friends are refused by construction. Every refusal is
// `auth.invalid_token` with one generic message; details.reason names the
// failed check for logs and tests only. Thread-safe (no mutable state).
class TokenService final
{
public:
    static constexpr qint64 kDefaultLifetimeSeconds = 15 * 60;
    static constexpr qint64 kMaxLifetimeSeconds = 60 * 60;
    static constexpr qint64 kMaxLeewaySeconds = 60;
    static constexpr int kMaxTokenLength = 4096;

    struct Options final
    {
        qint64 lifetimeSeconds = kDefaultLifetimeSeconds;
        qint64 leewaySeconds = kMaxLeewaySeconds;
    };

    // What a verified token says. Times are Unix seconds, as in JWT.
    struct Claims final
    {
        qint64 userId = 0;
        qint64 tokenVersion = 0;
        qint64 issuedAt = 0;
        qint64 expiresAt = 0;
    };

    struct IssuedToken final
    {
        QString token;
        qint64 expiresAt = 0; // Unix seconds
    };

    // Fails with auth.key_invalid for a key under 32 bytes and
    // auth.invalid_token_options for a lifetime outside 1 s..1 h or a leeway
    // outside 0..60 s.
    static Result<TokenService> create(QByteArray key, const Clock &clock);
    static Result<TokenService> create(QByteArray key, const Clock &clock, Options options);

    Result<IssuedToken> issue(qint64 userId, qint64 tokenVersion) const;
    Result<Claims> verify(const QString &token) const;

    qint64 lifetimeSeconds() const { return m_options.lifetimeSeconds; }

private:
    TokenService(QByteArray key, const Clock &clock, Options options);

    Result<QByteArray> sign(const QByteArray &signingInput) const;
    Result<Claims> checkClaims(const QByteArray &payload) const;

    QByteArray m_key;
    const Clock *m_clock;
    Options m_options;
};

} // namespace ddd::core::auth
