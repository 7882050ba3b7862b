// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Session tokens (TokenService::verify). The first input byte picks a mode:
// even, the rest is a token as a client would send it; odd, the rest is
// "header-json \n claims-json" which the harness encodes and signs with the
// service's key, so the fuzzer reaches the header and claim checks behind
// the signature, which it could never forge. Properties: an accepted token
// carries claims the service could have issued (a positive subject, a
// lifetime within bounds, valid at the clock's time), and only a signed one
// is ever accepted.
#include "core/auth/hmacsha256.h"
#include "core/auth/tokenservice.h"
#include "tests/fuzz/fuzzsupport.h"
#include "tests/support/fakeclock.h"

using ddd::core::auth::HmacSha256;
using ddd::core::auth::TokenService;
using ddd::fuzz::violated;

namespace {

const QByteArray kKey(32, 'k');
constexpr auto kBase64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

const TokenService &service()
{
    static const ddd::test::FakeClock clock(1'800'000'000'000);
    static const TokenService tokens = TokenService::create(kKey, clock).value();
    return tokens;
}

QString signedToken(const QByteArray &header, const QByteArray &claims)
{
    const QByteArray input = header.toBase64(kBase64Url) + '.' + claims.toBase64(kBase64Url);
    return QString::fromLatin1(input + '.' + HmacSha256::sign(kKey, input).toBase64(kBase64Url));
}

void checkClaims(const TokenService::Claims &claims, const QString &token)
{
    const qint64 now = 1'800'000'000;
    const bool plausible = claims.userId > 0 && claims.tokenVersion >= 0 && claims.expiresAt > claims.issuedAt
        && claims.expiresAt - claims.issuedAt <= TokenService::kMaxLifetimeSeconds
        && claims.issuedAt <= now + TokenService::kMaxLeewaySeconds
        && now < claims.expiresAt + TokenService::kMaxLeewaySeconds;
    if (!plausible)
        violated("accepted claims are ones the service could issue", token);
}

void checkSignature(const QString &token)
{
    const qsizetype dot = token.lastIndexOf(u'.');
    const QByteArray input = token.left(dot).toLatin1();
    const QByteArray signature = QByteArray::fromBase64(token.mid(dot + 1).toLatin1(), kBase64Url);
    if (dot < 0 || signature != HmacSha256::sign(kKey, input))
        violated("only a token signed with the key is accepted", token);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    ddd::fuzz::InputReader input(ddd::fuzz::bytes(data, size));
    const bool sign = input.byte() & 1;
    QString token;
    if (sign) {
        const QByteArray header = input.until('\n');
        token = signedToken(header, input.rest());
    } else {
        token = QString::fromUtf8(input.rest());
    }
    const auto claims = service().verify(token);
    if (!claims.ok()) {
        if (claims.error().code != u"auth.invalid_token")
            violated("every refusal is auth.invalid_token", claims.error().code);
        return 0;
    }
    checkClaims(claims.value(), token);
    checkSignature(token);
    return 0;
}
