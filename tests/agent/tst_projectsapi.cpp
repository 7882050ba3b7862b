// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Projects and API tokens through the real agent on real sockets.
#include "tests/support/agentfixture.h"

#include <QtTest>

using ddd::test::AgentFixture;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;

namespace {
const QString kPassword = u"correct horse battery"_qs;
}

class TestProjectsApi final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    QString m_operatorToken;
    QString m_aliceToken;
    QString m_bobToken;

    HttpTestClient as(const QString &token)
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(token);
        return http;
    }

    qint64 createProject(const QString &token, const QJsonObject &body)
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(token);
        const HttpReply reply = http.post(u"/api/v1/projects"_qs, body);
        if (reply.status != 201)
            qWarning() << reply.status << reply.body;
        return reply.json().value(u"id"_qs).toInteger();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_agent = std::make_unique<AgentFixture>();
        m_agent->config.buildFlagsAllowlist = {u"--minify"_qs, u"--baseURL"_qs};
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"op@example.com"_qs, kPassword));
        QVERIFY(m_agent->addUser(u"alice@example.com"_qs, kPassword));
        QVERIFY(m_agent->addUser(u"bob@example.com"_qs, kPassword));
        m_operatorToken = m_agent->login(u"op@example.com"_qs, kPassword);
        m_aliceToken = m_agent->login(u"alice@example.com"_qs, kPassword);
        m_bobToken = m_agent->login(u"bob@example.com"_qs, kPassword);
        QVERIFY(!m_bobToken.isEmpty());
    }

    void cleanupTestCase() { m_agent.reset(); }

    void createReadUpdateDelete()
    {
        HttpTestClient alice = as(m_aliceToken);
        const HttpReply created = alice.post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Docs"_qs},
                                                                      {u"domain"_qs, u"Docs.Example.COM"_qs}});
        QCOMPARE(created.status, 201);
        const QJsonObject project = created.json();
        const qint64 id = project.value(u"id"_qs).toInteger();
        QCOMPARE(project.value(u"domain"_qs).toString(), u"docs.example.com"_qs);
        QVERIFY(QRegularExpression(u"^[a-z][a-z0-9]{11}$"_qs).match(project.value(u"slug"_qs).toString()).hasMatch());
        QCOMPARE(project.value(u"stagingHost"_qs).toString(), project.value(u"slug"_qs).toString() + u".localhost"_qs);

        const QString path = u"/api/v1/projects/%1"_qs.arg(id);
        QCOMPARE(alice.get(path).json().value(u"name"_qs).toString(), u"Docs"_qs);
        QVERIFY(alice.get(u"/api/v1/projects"_qs).items().contains(alice.get(path).json()));

        const HttpReply patched = alice.patch(path, {{u"name"_qs, u"Handbook"_qs}, {u"domain"_qs, QJsonValue::Null},
                                                     {u"settings"_qs, QJsonObject{{u"spaMode"_qs, true}}}});
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json().value(u"name"_qs).toString(), u"Handbook"_qs);
        QVERIFY(patched.json().value(u"domain"_qs).isNull());
        QCOMPARE(patched.json().value(u"settings"_qs).toObject().value(u"spaMode"_qs).toBool(), true);

        QCOMPARE(alice.del(path).status, 204);
        QCOMPARE(alice.get(path).status, 404);
    }

    void otherPeoplesProjectsAnswer404()
    {
        const qint64 id = createProject(m_aliceToken, {{u"name"_qs, u"Private"_qs}});
        const QString path = u"/api/v1/projects/%1"_qs.arg(id);
        HttpTestClient bob = as(m_bobToken);
        for (const HttpReply &reply : {bob.get(path), bob.patch(path, {{u"name"_qs, u"Mine now"_qs}}), bob.del(path)}) {
            QCOMPARE(reply.status, 404);
            QCOMPARE(reply.errorCode(), u"project.not_found"_qs);
        }
        QCOMPARE(bob.get(u"/api/v1/projects/999999"_qs).errorCode(), u"project.not_found"_qs);
        QCOMPARE(bob.get(u"/api/v1/projects/abc"_qs).errorCode(), u"project.not_found"_qs);
        QVERIFY(!bob.get(u"/api/v1/projects"_qs).body.contains("Private"));
        HttpTestClient op = as(m_operatorToken);
        QCOMPARE(op.get(path).status, 200); // operators see every project
        QCOMPARE(as(m_aliceToken).get(path).json().value(u"name"_qs).toString(), u"Private"_qs);
    }

    void refusals_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty name") << QJsonObject{{u"name"_qs, u""_qs}} << u"project.invalid_name"_qs;
        QTest::newRow("101 chars") << QJsonObject{{u"name"_qs, QString(101, u'x')}} << u"project.invalid_name"_qs;
        QTest::newRow("bad domain") << QJsonObject{{u"name"_qs, u"x"_qs}, {u"domain"_qs, u"-bad-.com"_qs}}
                                    << u"project.invalid_domain"_qs;
        QTest::newRow("path in domain") << QJsonObject{{u"name"_qs, u"x"_qs}, {u"domain"_qs, u"../../etc"_qs}}
                                        << u"project.invalid_domain"_qs;
        QTest::newRow("staging namespace") << QJsonObject{{u"name"_qs, u"x"_qs}, {u"domain"_qs, u"abcdefabcdef.localhost"_qs}}
                                           << u"project.invalid_domain"_qs;
        QTest::newRow("unknown field") << QJsonObject{{u"name"_qs, u"x"_qs}, {u"owner"_qs, 1}} << u"request.unknown_field"_qs;
        QTest::newRow("unknown setting") << QJsonObject{{u"name"_qs, u"x"_qs}, {u"settings"_qs, QJsonObject{{u"magic"_qs, 1}}}}
                                         << u"project.invalid_settings"_qs;
        QTest::newRow("setting type") << QJsonObject{{u"name"_qs, u"x"_qs}, {u"settings"_qs, QJsonObject{{u"spaMode"_qs, u"yes"_qs}}}}
                                      << u"project.invalid_settings"_qs;
        QTest::newRow("flag not allowed") << QJsonObject{{u"name"_qs, u"x"_qs},
                                                         {u"settings"_qs, QJsonObject{{u"buildFlags"_qs, QJsonArray{u"--token=abc"_qs}}}}}
                                          << u"project.invalid_build_flags"_qs;
    }

    void refusals()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, code);
        HttpTestClient alice = as(m_aliceToken);
        const int before = int(alice.get(u"/api/v1/projects"_qs).items().size());
        const HttpReply reply = alice.post(u"/api/v1/projects"_qs, body);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), code);
        QCOMPARE(int(alice.get(u"/api/v1/projects"_qs).items().size()), before); // nothing half-written
    }

    void domainsAreUniqueRegardlessOfCase()
    {
        createProject(m_aliceToken, {{u"name"_qs, u"A"_qs}, {u"domain"_qs, u"taken.example.org"_qs}});
        const HttpReply clash = as(m_bobToken).post(u"/api/v1/projects"_qs, {{u"name"_qs, u"B"_qs},
                                                                              {u"domain"_qs, u"TAKEN.example.org"_qs}});
        QCOMPARE(clash.status, 409);
        QCOMPARE(clash.errorCode(), u"project.domain_taken"_qs);
    }

    void sitePasswordsAreNeverEchoed()
    {
        const QJsonObject settings{{u"sitePassword"_qs, QJsonObject{{u"enabled"_qs, true},
                                                                     {u"users"_qs, QJsonArray{QJsonObject{
                                                                          {u"username"_qs, u"team"_qs},
                                                                          {u"password"_qs, u"site-secret-123"_qs}}}}}}};
        const HttpReply created = as(m_aliceToken).post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Protected"_qs},
                                                                                   {u"settings"_qs, settings}});
        QCOMPARE(created.status, 201);
        QVERIFY(created.body.contains("team"));
        QVERIFY(!created.body.contains("site-secret-123"));
    }

    void scopedApiTokens()
    {
        const qint64 mine = createProject(m_aliceToken, {{u"name"_qs, u"Scoped"_qs}});
        const qint64 other = createProject(m_aliceToken, {{u"name"_qs, u"Other"_qs}});
        HttpTestClient alice = as(m_aliceToken);
        const HttpReply created = alice.post(u"/api/v1/tokens"_qs, {{u"name"_qs, u"ci"_qs},
                                                                    {u"capabilities"_qs, QJsonArray{u"read"_qs}},
                                                                    {u"projectId"_qs, mine}});
        QCOMPARE(created.status, 201);
        const QString secret = created.json().value(u"secret"_qs).toString();
        QVERIFY(secret.startsWith(u"ddd_"_qs));
        const qint64 tokenId = created.json().value(u"token"_qs).toObject().value(u"id"_qs).toInteger();
        QVERIFY(!alice.get(u"/api/v1/tokens"_qs).body.contains(secret.toUtf8())); // shown once

        HttpTestClient ci = as(secret);
        QCOMPARE(ci.get(u"/api/v1/projects/%1"_qs.arg(mine)).status, 200);
        QCOMPARE(ci.get(u"/api/v1/projects/%1"_qs.arg(other)).errorCode(), u"project.not_found"_qs);
        QCOMPARE(ci.post(u"/api/v1/projects"_qs, {{u"name"_qs, u"nope"_qs}}).errorCode(), u"auth.forbidden"_qs);
        QCOMPARE(ci.post(u"/api/v1/tokens"_qs, {{u"name"_qs, u"more"_qs}, {u"capabilities"_qs, QJsonArray{u"read"_qs}}})
                     .errorCode(), u"auth.forbidden"_qs);

        QCOMPARE(alice.del(u"/api/v1/tokens/%1"_qs.arg(tokenId)).status, 204);
        QCOMPARE(ci.get(u"/api/v1/projects/%1"_qs.arg(mine)).errorCode(), u"auth.invalid_token"_qs);
        QCOMPARE(alice.del(u"/api/v1/tokens/%1"_qs.arg(tokenId)).errorCode(), u"token.not_found"_qs);
    }

    void tokenRefusals()
    {
        HttpTestClient alice = as(m_aliceToken);
        QCOMPARE(alice.post(u"/api/v1/tokens"_qs, {{u"name"_qs, u"x"_qs}, {u"capabilities"_qs, QJsonArray{u"root"_qs}}})
                     .errorCode(), u"token.invalid_capability"_qs);
        const qint64 bobs = createProject(m_bobToken, {{u"name"_qs, u"Bob's"_qs}});
        QCOMPARE(alice.post(u"/api/v1/tokens"_qs, {{u"name"_qs, u"x"_qs}, {u"capabilities"_qs, QJsonArray{u"read"_qs}},
                                                   {u"projectId"_qs, bobs}}).errorCode(), u"project.not_found"_qs);
        const qint64 bobsToken = as(m_bobToken).post(u"/api/v1/tokens"_qs, {{u"name"_qs, u"b"_qs},
                                                                           {u"capabilities"_qs, QJsonArray{u"read"_qs}}})
                                     .json().value(u"token"_qs).toObject().value(u"id"_qs).toInteger();
        QCOMPARE(alice.del(u"/api/v1/tokens/%1"_qs.arg(bobsToken)).errorCode(), u"token.not_found"_qs);
    }

    void unknownRoutesAndMethods()
    {
        HttpTestClient alice = as(m_aliceToken);
        QCOMPARE(alice.get(u"/api/v1/nothing"_qs).errorCode(), u"route.not_found"_qs);
        const HttpReply put = alice.send("PUT", u"/api/v1/projects"_qs);
        QCOMPARE(put.status, 405);
        QVERIFY(put.header("Allow").contains("GET"));
        QVERIFY(put.header("Allow").contains("POST"));
    }
};

QTEST_GUILESS_MAIN(TestProjectsApi)
#include "tst_projectsapi.moc"
