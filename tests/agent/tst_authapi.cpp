// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Accounts and login through the real agent on real sockets.
#include "agent/agent.h"
#include "core/storage/database.h"
#include "tests/support/agentfixture.h"
#include "tests/support/rawtcpclient.h"

#include <QMessageAuthenticationCode>
#include <QJsonArray>
#include <QtTest>

using ddd::test::AgentFixture;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;

namespace {

const QString kOperator = u"op@example.com"_qs;
const QString kUser = u"user@example.com"_qs;
const QString kPassword = u"correct horse battery"_qs;

QByteArray b64(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray forge(const QByteArray &header, const QByteArray &payload, const QByteArray &key)
{
    const QByteArray input = b64(header) + '.' + b64(payload);
    return input + '.' + b64(QMessageAuthenticationCode::hash(input, key, QCryptographicHash::Sha256));
}

} // namespace

class TestAuthApi final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;

    HttpReply login(HttpTestClient &http, const QString &email, const QString &password)
    {
        return http.post(u"/api/v1/auth/login"_qs, {{u"email"_qs, email}, {u"password"_qs, password}});
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_agent = std::make_unique<AgentFixture>();
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(kOperator, kPassword));
        QVERIFY(m_agent->addUser(kUser, kPassword));
    }

    void cleanup() { m_agent.reset(); }

    void loginAnswersTokenAndUser()
    {
        HttpTestClient http(m_agent->apiPort());
        const HttpReply reply = login(http, u"OP@Example.com"_qs, kPassword);
        QCOMPARE(reply.status, 200);
        const QJsonObject body = reply.json();
        QVERIFY(!body.value(u"token"_qs).toString().isEmpty());
        QVERIFY(!body.value(u"expiresAt"_qs).toString().isEmpty());
        QCOMPARE(body.value(u"user"_qs).toObject().value(u"role"_qs).toString(), u"operator"_qs);
        QVERIFY(!reply.body.contains("password"));
        http.setToken(body.value(u"token"_qs).toString());
        const HttpReply me = http.get(u"/api/v1/me"_qs);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(u"email"_qs).toString(), kOperator);
    }

    void secondAccountIsPlainUser()
    {
        HttpTestClient http(m_agent->apiPort());
        QCOMPARE(login(http, kUser, kPassword).json().value(u"user"_qs).toObject().value(u"role"_qs).toString(),
                 u"user"_qs);
    }

    void wrongPasswordAndUnknownEmailLookAlike()
    {
        HttpTestClient http(m_agent->apiPort());
        const HttpReply wrong = login(http, kUser, u"not the password"_qs);
        const HttpReply unknown = login(http, u"nobody@example.com"_qs, kPassword);
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.errorCode(), u"auth.invalid_credentials"_qs);
        QCOMPARE(unknown.errorCode(), u"auth.invalid_credentials"_qs);
        QCOMPARE(wrong.json().value(u"error"_qs).toObject().value(u"message"_qs),
                 unknown.json().value(u"error"_qs).toObject().value(u"message"_qs));
        QVERIFY(wrong.header("WWW-Authenticate").startsWith("Bearer"));
    }

    void malformedLoginBodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("not json") << QByteArray("{email") << 400 << u"request.invalid_json"_qs;
        QTest::newRow("array") << QByteArray("[]") << 400 << u"request.invalid_json"_qs;
        QTest::newRow("duplicate key") << QByteArray(R"({"email":"a@b.cd","email":"x@y.zz","password":"p"})") << 400
                                       << u"request.invalid_json"_qs;
        QTest::newRow("unknown field") << QByteArray(R"({"email":"a@b.cd","password":"p","admin":true})") << 400
                                       << u"request.unknown_field"_qs;
        QTest::newRow("missing password") << QByteArray(R"({"email":"a@b.cd"})") << 400 << u"request.invalid_field"_qs;
        QTest::newRow("number email") << QByteArray(R"({"email":5,"password":"p"})") << 400 << u"request.invalid_field"_qs;
    }

    void malformedLoginBodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        HttpTestClient http(m_agent->apiPort());
        const HttpReply reply = http.send("POST", u"/api/v1/auth/login"_qs, body, {{"Content-Type", "application/json"}});
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.errorCode(), code);
    }

    void oversizeJsonIsRefusedBeforeReading()
    {
        // Only the header is sent: the 413 must come before any body byte.
        ddd::test::RawTcpClient raw;
        QVERIFY(raw.connectTo(m_agent->apiPort()));
        QVERIFY(raw.send("POST /api/v1/auth/login HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                         "Content-Length: 2097152\r\n\r\n"));
        const auto answer = raw.readResponse();
        QVERIFY(answer.has_value());
        QCOMPARE(answer->status, 413);
        QCOMPARE(answer->errorCode(), u"http.body_too_large"_qs);
    }

    void throttlingStatesTimeLeftAndSparesOtherAccounts()
    {
        HttpTestClient http(m_agent->apiPort());
        for (int i = 0; i < 10; ++i)
            QCOMPARE(login(http, kUser, u"guess %1"_qs.arg(i)).status, 401);
        const HttpReply limited = login(http, kUser, kPassword); // even the right password waits
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.errorCode(), u"auth.rate_limited"_qs);
        QCOMPARE(limited.header("Retry-After").toInt(), 900);

        m_agent->clock.advanceMs(5 * 60 * 1000);
        const int left = login(http, kUser, kPassword).header("Retry-After").toInt();
        QVERIFY2(left > 590 && left <= 600, qPrintable(QString::number(left)));

        QCOMPARE(login(http, kOperator, kPassword).status, 200); // another account still works

        m_agent->clock.advanceMs(10 * 60 * 1000 + 1000);
        QCOMPARE(login(http, kUser, kPassword).status, 200);
    }

    void routesNeedAToken()
    {
        HttpTestClient http(m_agent->apiPort());
        const HttpReply reply = http.get(u"/api/v1/me"_qs);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorCode(), u"auth.unauthenticated"_qs);
        QVERIFY(reply.header("WWW-Authenticate").startsWith("Bearer"));
    }

    void forgedTokensAreRefused_data()
    {
        QTest::addColumn<QByteArray>("token");
        const QByteArray payload = R"({"sub":"1","iat":1800000000,"exp":1800000600,"iss":"ddd-agent","aud":"ddd-api","tv":0})";
        const QByteArray otherKey(32, 'k');
        QTest::newRow("alg none") << (b64(R"({"alg":"none","typ":"JWT"})") + '.' + b64(payload) + '.');
        QTest::newRow("alg None signed") << forge(R"({"alg":"None","typ":"JWT"})", payload, otherKey);
        QTest::newRow("another key") << forge(R"({"alg":"HS256","typ":"JWT"})", payload, otherKey);
        QTest::newRow("HS512 header") << forge(R"({"alg":"HS512","typ":"JWT"})", payload, otherKey);
        QTest::newRow("garbage") << QByteArray("not.a.jwt");
        QTest::newRow("two parts") << QByteArray("abc.def");
    }

    void forgedTokensAreRefused()
    {
        QFETCH(QByteArray, token);
        HttpTestClient http(m_agent->apiPort());
        http.setToken(QString::fromLatin1(token));
        const HttpReply reply = http.get(u"/api/v1/me"_qs);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorCode(), u"auth.invalid_token"_qs);
    }

    void tokenSignedWithTheRealKeyButNoExpiryIsRefused()
    {
        QFile keyFile(m_agent->dataDir() + u"/keys/jwt.key"_qs);
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        const QByteArray key = keyFile.readAll();
        QCOMPARE(int(keyFile.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther)), 0);
        const QByteArray header = R"({"alg":"HS256","typ":"JWT"})";
        const qint64 now = m_agent->clock.nowMs() / 1000;
        const QByteArray noExp = QStringLiteral(R"({"sub":"1","iat":%1,"iss":"ddd-agent","aud":"ddd-api","tv":0})")
                                     .arg(now).toLatin1();
        HttpTestClient http(m_agent->apiPort());
        http.setToken(QString::fromLatin1(forge(header, noExp, key)));
        QCOMPARE(http.get(u"/api/v1/me"_qs).errorCode(), u"auth.invalid_token"_qs);
        // The same key with a proper claim set is accepted, so the refusal above is about exp.
        const QByteArray good = QStringLiteral(R"({"sub":"1","iat":%1,"exp":%2,"iss":"ddd-agent","aud":"ddd-api","tv":0})")
                                    .arg(now).arg(now + 60).toLatin1();
        http.setToken(QString::fromLatin1(forge(header, good, key)));
        QCOMPARE(http.get(u"/api/v1/me"_qs).status, 200);
    }

    void expiredTokenIsRefused()
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(m_agent->login(kUser, kPassword));
        QCOMPARE(http.get(u"/api/v1/me"_qs).status, 200);
        m_agent->clock.advanceMs(16 * 60 * 1000);
        const HttpReply reply = http.get(u"/api/v1/me"_qs);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.errorCode(), u"auth.invalid_token"_qs);
    }

    void passwordChangeEndsEarlierTokens()
    {
        HttpTestClient http(m_agent->apiPort());
        const QString old = m_agent->login(kUser, kPassword);
        http.setToken(old);
        const HttpReply changed = http.post(u"/api/v1/me/password"_qs, {{u"currentPassword"_qs, kPassword},
                                                                        {u"newPassword"_qs, u"a brand new secret"_qs}});
        QCOMPARE(changed.status, 200);
        QCOMPARE(http.get(u"/api/v1/me"_qs).errorCode(), u"auth.invalid_token"_qs);
        http.setToken(changed.json().value(u"token"_qs).toString());
        QCOMPARE(http.get(u"/api/v1/me"_qs).status, 200);
        QCOMPARE(login(http, kUser, u"a brand new secret"_qs).status, 200);
    }

    void deletedAccountTokenStopsWorking()
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(m_agent->login(kUser, kPassword));
        auto db = ddd::core::storage::Database::open(m_agent->dataDir() + u"/agent.db"_qs);
        QVERIFY(db.ok());
        QVERIFY(db->exec(u"DELETE FROM users WHERE email_key = 'user@example.com'"_qs).ok());
        QCOMPARE(http.get(u"/api/v1/me"_qs).errorCode(), u"auth.invalid_token"_qs);
    }

    void statusIsForOperators()
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(m_agent->login(kUser, kPassword));
        const HttpReply denied = http.get(u"/api/v1/status"_qs);
        QCOMPARE(denied.status, 403);
        QCOMPARE(denied.errorCode(), u"auth.forbidden"_qs);
        http.setToken(m_agent->login(kOperator, kPassword));
        const HttpReply status = http.get(u"/api/v1/status"_qs);
        QCOMPARE(status.status, 200);
        QCOMPARE(status.json().value(u"database"_qs).toObject().value(u"ok"_qs).toBool(), true);
        QVERIFY(status.json().value(u"disk"_qs).toObject().value(u"freeBytes"_qs).toDouble() > 0);

        // An operator's API token with `read` (the dashboard's) may ask; one without may not.
        const auto tokenWith = [&](const QJsonArray &capabilities) {
            return http.post(u"/api/v1/tokens"_qs, {{u"name"_qs, u"status"_qs}, {u"capabilities"_qs, capabilities}})
                .json().value(u"secret"_qs).toString();
        };
        const QString reader = tokenWith({u"read"_qs}), deployer = tokenWith({u"deploy"_qs});
        http.setToken(reader);
        QCOMPARE(http.get(u"/api/v1/status"_qs).status, 200);
        http.setToken(deployer);
        QCOMPARE(http.get(u"/api/v1/status"_qs).errorCode(), u"auth.forbidden"_qs);
        http.setToken(m_agent->login(kUser, kPassword));
        http.setToken(http.post(u"/api/v1/tokens"_qs, {{u"name"_qs, u"user"_qs}, {u"capabilities"_qs, QJsonArray{u"read"_qs}}})
                          .json().value(u"secret"_qs).toString());
        QCOMPARE(http.get(u"/api/v1/status"_qs).errorCode(), u"auth.forbidden"_qs);
    }

    void registrationIsClosedByDefault()
    {
        HttpTestClient http(m_agent->apiPort());
        const HttpReply reply = http.post(u"/api/v1/auth/register"_qs,
                                          {{u"email"_qs, u"new@example.com"_qs}, {u"password"_qs, kPassword}});
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.errorCode(), u"auth.registration_closed"_qs);
        QCOMPARE(login(http, u"new@example.com"_qs, kPassword).status, 401);
    }

    void registrationWhenOpen()
    {
        AgentFixture open;
        open.config.allowSignup = true;
        QVERIFY(open.start());
        HttpTestClient http(open.apiPort());
        const HttpReply first = http.post(u"/api/v1/auth/register"_qs,
                                          {{u"email"_qs, u"First@Example.com"_qs}, {u"password"_qs, kPassword}});
        QCOMPARE(first.status, 201);
        QCOMPARE(first.json().value(u"user"_qs).toObject().value(u"role"_qs).toString(), u"operator"_qs);
        const HttpReply second = http.post(u"/api/v1/auth/register"_qs,
                                           {{u"email"_qs, u"second@example.com"_qs}, {u"password"_qs, kPassword}});
        QCOMPARE(second.json().value(u"user"_qs).toObject().value(u"role"_qs).toString(), u"user"_qs);
        const HttpReply clash = http.post(u"/api/v1/auth/register"_qs,
                                          {{u"email"_qs, u"FIRST@example.COM"_qs}, {u"password"_qs, kPassword}});
        QCOMPARE(clash.status, 409);
        QCOMPARE(clash.errorCode(), u"user.email_taken"_qs);
        const HttpReply shortPassword = http.post(u"/api/v1/auth/register"_qs,
                                                  {{u"email"_qs, u"third@example.com"_qs}, {u"password"_qs, u"short"_qs}});
        QCOMPARE(shortPassword.status, 400);
        QCOMPARE(shortPassword.errorCode(), u"auth.password_too_short"_qs);
    }
};

QTEST_GUILESS_MAIN(TestAuthApi)
#include "tst_authapi.moc"
