// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/tokenservice.h"
#include "tests/support/fakeclock.h"

#include <QMessageAuthenticationCode>
#include <QtTest>

using namespace ddd::core::auth;

namespace {

constexpr auto kB64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
const QByteArray kKey(32, 'k');
const QByteArray kHeader = R"({"alg":"HS256","typ":"JWT"})";

QByteArray b64(const QByteArray &raw)
{
    return raw.toBase64(kB64);
}

// A compact JWS over arbitrary header and payload text, signed the way the
// header claims (HS256 or HS512) so only the verifier's policy can refuse it.
QString forge(const QByteArray &header, const QByteArray &payload, const QByteArray &key = kKey,
              QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256)
{
    const QByteArray input = b64(header) + '.' + b64(payload);
    return QString::fromLatin1(input + '.' + b64(QMessageAuthenticationCode::hash(input, key, algorithm)));
}

// Claims for user 7 issued at `now` (Unix seconds), with fields overridable.
QByteArray claims(qint64 now, const QString &overrides = {})
{
    QString text = QString::fromUtf8(R"("sub":"7","iat":%1,"exp":%2,"iss":"ddd-agent","aud":"ddd-api","tv":3)")
                       .arg(now).arg(now + 900);
    if (!overrides.isEmpty())
        text = overrides;
    return (u'{' + text + u'}').toUtf8();
}

} // namespace

class TestTokenService final : public QObject
{
    Q_OBJECT

private:
    ddd::test::FakeClock m_clock;
    qint64 now() const { return m_clock.nowMs() / 1000; }
    TokenService service() { return std::move(TokenService::create(kKey, m_clock)).value(); }

    QString validToken() { return forge(kHeader, claims(now())); }

    static void addRefusalColumns()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("reason"); // the check expected to refuse it
    }

    void expectRefusal()
    {
        QFETCH(QString, token);
        QFETCH(QString, reason);
        const auto result = service().verify(token);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, u"auth.invalid_token"_qs);
        QCOMPARE(result.error().message, u"invalid or expired token"_qs);
        QCOMPARE(result.error().details.value(u"reason"_qs).toString(), reason);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void issuesTokensItVerifies()
    {
        const TokenService tokens = service();
        const auto issued = tokens.issue(42, 5);
        QVERIFY(issued.ok());
        QCOMPARE(issued->expiresAt, now() + 15 * 60);
        const auto claims = tokens.verify(issued->token);
        QVERIFY2(claims.ok(), qPrintable(claims.ok() ? QString() : claims.error().details.value(u"reason"_qs).toString()));
        QCOMPARE(claims->userId, 42);
        QCOMPARE(claims->tokenVersion, 5);
        QCOMPARE(claims->issuedAt, now());
        QCOMPARE(claims->expiresAt, now() + 900);
        const QList<QString> parts = issued->token.split(u'.');
        QCOMPARE(QByteArray::fromBase64(parts.at(0).toLatin1(), kB64), kHeader);
    }

    void forgedHelperTokenIsAcceptedAsControl()
    {
        QVERIFY(service().verify(validToken()).ok());
    }

    void expiresWithTheClock()
    {
        const TokenService tokens = service();
        const QString token = tokens.issue(1, 0)->token;
        m_clock.advanceMs((15 * 60 + 59) * 1000); // within the 60 s leeway
        QVERIFY(tokens.verify(token).ok());
        m_clock.advanceMs(2000);
        const auto late = tokens.verify(token);
        QVERIFY(!late.ok());
        QCOMPARE(late.error().code, u"auth.invalid_token"_qs);
        QCOMPARE(late.error().details.value(u"reason"_qs).toString(), u"expired"_qs);
    }

    void refusesForgedHeaders_data()
    {
        addRefusalColumns();
        const QByteArray ok = claims(now());
        auto row = [](const char *name, const QString &token, const char *reason) {
            QTest::newRow(name) << token << QString::fromLatin1(reason);
        };
        row("alg none, empty signature", QString::fromLatin1(b64(R"({"alg":"none","typ":"JWT"})") + '.' + b64(ok) + '.'), "encoding");
        row("alg none, signed", forge(R"({"alg":"none","typ":"JWT"})", ok), "algorithm");
        row("alg None", forge(R"({"alg":"None"})", ok), "algorithm");
        row("alg NONE", forge(R"({"alg":"NONE"})", ok), "algorithm");
        row("alg hs256 lower case", forge(R"({"alg":"hs256"})", ok), "algorithm");
        row("alg HS512", forge(R"({"alg":"HS512","typ":"JWT"})", ok, kKey, QCryptographicHash::Sha512), "algorithm");
        row("alg RS256", forge(R"({"alg":"RS256","typ":"JWT"})", ok), "algorithm");
        row("alg missing", forge(R"({"typ":"JWT"})", ok), "algorithm");
        row("alg not a string", forge(R"({"alg":["HS256"]})", ok), "algorithm");
        row("typ other", forge(R"({"alg":"HS256","typ":"at+jwt"})", ok), "type");
        row("jku header", forge(R"({"alg":"HS256","jku":"evil.example/keys"})", ok), "header_field");
        row("jwk header", forge(R"({"alg":"HS256","jwk":{"kty":"oct","k":"AAAA"}})", ok), "header_field");
        row("x5u header", forge(R"({"alg":"HS256","x5u":"evil.example/cert"})", ok), "header_field");
        row("crit header", forge(R"({"alg":"HS256","crit":["exp"]})", ok), "header_field");
        row("kid header", forge(R"({"alg":"HS256","kid":"../../dev/null"})", ok), "header_field");
        row("duplicate alg", forge(R"({"alg":"HS256","alg":"none"})", ok), "header_json");
        row("header is an array", forge(R"(["HS256"])", ok), "header_json");
    }

    void refusesForgedHeaders() { expectRefusal(); }

    void refusesForgedClaims_data()
    {
        addRefusalColumns();
        const qint64 t = now();
        const QByteArray ok = claims(t);
        const QString base = QString::fromUtf8(R"("sub":"7","iat":%1,"iss":"ddd-agent","aud":"ddd-api","tv":3)").arg(t);
        const QString exp = QString::fromUtf8(R"(,"exp":%1)").arg(t + 900);
        auto row = [](const char *name, const QString &token, const char *reason) {
            QTest::newRow(name) << token << QString::fromLatin1(reason);
        };
        row("wrong key", forge(kHeader, ok, QByteArray(32, 'x')), "signature");
        row("exp missing", forge(kHeader, (u'{' + base + u'}').toUtf8()), "missing_claim");
        row("iat missing", forge(kHeader, claims(t, QString::fromUtf8(R"("sub":"7","exp":%1,"iss":"ddd-agent","aud":"ddd-api","tv":3)").arg(t + 900))), "missing_claim");
        row("sub missing", forge(kHeader, claims(t, QString::fromUtf8(R"("iat":%1,"exp":%2,"iss":"ddd-agent","aud":"ddd-api","tv":3)").arg(t).arg(t + 900))), "missing_claim");
        row("sub a number", forge(kHeader, claims(t, QString(base).replace(u"\"7\""_qs, u"7"_qs) + exp)), "missing_claim");
        row("sub zero-padded", forge(kHeader, claims(t, QString(base).replace(u"\"7\""_qs, u"\"07\""_qs) + exp)), "missing_claim");
        row("sub negative", forge(kHeader, claims(t, QString(base).replace(u"\"7\""_qs, u"\"-7\""_qs) + exp)), "missing_claim");
        row("tv missing", forge(kHeader, claims(t, QString(base).remove(u",\"tv\":3"_qs) + exp)), "missing_claim");
        row("exp fractional", forge(kHeader, claims(t, base + QString::fromUtf8(R"(,"exp":%1.5)").arg(t + 900))), "missing_claim");
        row("exp a string", forge(kHeader, claims(t, base + QString::fromUtf8(R"(,"exp":"%1")").arg(t + 900))), "missing_claim");
        row("expired beyond leeway", forge(kHeader, claims(t, QString::fromUtf8(R"("sub":"7","iat":%1,"exp":%2,"iss":"ddd-agent","aud":"ddd-api","tv":3)").arg(t - 900).arg(t - 61))), "expired");
        row("issued in the future", forge(kHeader, claims(t, QString::fromUtf8(R"("sub":"7","iat":%1,"exp":%2,"iss":"ddd-agent","aud":"ddd-api","tv":3)").arg(t + 120).arg(t + 600))), "issued_in_future");
        row("nbf in the future", forge(kHeader, claims(t, base + exp + QString::fromUtf8(R"(,"nbf":%1)").arg(t + 61))), "not_yet_valid");
        row("nbf a string", forge(kHeader, claims(t, base + exp + QString::fromUtf8(R"(,"nbf":"%1")").arg(t))), "not_yet_valid");
        row("lifetime over one hour", forge(kHeader, claims(t, base + QString::fromUtf8(R"(,"exp":%1)").arg(t + 3601))), "lifetime");
        row("exp before iat", forge(kHeader, claims(t, base + QString::fromUtf8(R"(,"exp":%1)").arg(t - 1))), "lifetime");
        row("wrong issuer", forge(kHeader, claims(t, QString(base + exp).replace(u"ddd-agent"_qs, u"someone-else"_qs))), "issuer");
        row("wrong audience", forge(kHeader, claims(t, QString(base + exp).replace(u"\"ddd-api\""_qs, u"\"other-api\""_qs))), "audience");
        row("audience as array", forge(kHeader, claims(t, QString(base + exp).replace(u"\"ddd-api\""_qs, u"[\"ddd-api\"]"_qs))), "audience");
        row("duplicate sub", forge(kHeader, claims(t, base + exp + u",\"sub\":\"1\""_qs)), "claims_json");
        row("duplicate via escape", forge(kHeader, claims(t, base + exp + u",\"\\u0073ub\":\"1\""_qs)), "claims_json");
        row("payload is an array", forge(kHeader, "[1,2]"), "claims_json");
        row("payload not JSON", forge(kHeader, "not json"), "claims_json");
    }

    void refusesForgedClaims() { expectRefusal(); }

    void refusesMalformedSerialisations_data()
    {
        addRefusalColumns();
        const QString good = validToken();
        const QStringList parts = good.split(u'.');
        QTest::newRow("empty") << QString() << u"structure"_qs;
        QTest::newRow("two parts") << parts.at(0) + u'.' + parts.at(1) << u"structure"_qs;
        QTest::newRow("four parts") << good + u".AAAA"_qs << u"structure"_qs;
        QTest::newRow("padding") << good + u'=' << u"encoding"_qs;
        QTest::newRow("standard base64 alphabet") << QString(good).replace(u'-', u'+').replace(u'_', u'/') + u"+/"_qs << u"encoding"_qs;
        QTest::newRow("whitespace") << u' ' + good << u"encoding"_qs;
        QTest::newRow("non-Latin-1") << good + u"\u20ac"_qs << u"encoding"_qs;
        QTest::newRow("too long") << good + u'.' + QString(5000, u'A') << u"length"_qs;
        // The signature's last character carries 2 unused bits; flipping one
        // decodes to the same bytes but is not the canonical spelling.
        QString sloppy = good;
        const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        const int last = int(alphabet.indexOf(char(sloppy.back().toLatin1())));
        sloppy.back() = QLatin1Char(alphabet.at(last ^ 1));
        QTest::newRow("non-canonical base64") << sloppy << u"encoding"_qs;
        QString tampered = parts.at(0) + u'.' + QString::fromLatin1(b64(claims(now()).replace("\"7\"", "\"8\""))) + u'.' + parts.at(2);
        QTest::newRow("tampered payload") << tampered << u"signature"_qs;
    }

    void refusesMalformedSerialisations() { expectRefusal(); }

    void honoursLeewayWithinSixtySeconds()
    {
        const qint64 t = now();
        const QString base = QString::fromUtf8(R"("sub":"7","iss":"ddd-agent","aud":"ddd-api","tv":3)");
        QVERIFY(service().verify(forge(kHeader, claims(t, base + QString::fromUtf8(R"(,"iat":%1,"exp":%2)").arg(t - 900).arg(t - 59)))).ok());
        QVERIFY(service().verify(forge(kHeader, claims(t, base + QString::fromUtf8(R"(,"iat":%1,"exp":%2,"nbf":%3)").arg(t).arg(t + 900).arg(t + 59)))).ok());
        QVERIFY(service().verify(forge(R"({"alg":"HS256"})", claims(t))).ok()); // typ is optional
    }

    void refusesWeakKeysAndOptions()
    {
        const auto shortKey = TokenService::create(QByteArray(31, 'k'), m_clock);
        QCOMPARE(shortKey.error().code, u"auth.key_invalid"_qs);
        const auto longLife = TokenService::create(kKey, m_clock, {TokenService::kMaxLifetimeSeconds + 1, 60});
        QCOMPARE(longLife.error().code, u"auth.invalid_token_options"_qs);
        const auto wideLeeway = TokenService::create(kKey, m_clock, {900, 61});
        QCOMPARE(wideLeeway.error().code, u"auth.invalid_token_options"_qs);
        const auto oneHour = TokenService::create(kKey, m_clock, {3600, 0});
        QVERIFY(oneHour.ok());
        QCOMPARE(oneHour->issue(1, 0)->expiresAt, now() + 3600);
    }
};

QTEST_GUILESS_MAIN(TestTokenService)
#include "tst_tokenservice.moc"
