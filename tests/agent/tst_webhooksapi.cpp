// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The webhook routes through the real agent (docs/webhooks.md): create
// answers the secret once and never again, list/get/update/delete work for
// the owner only, and every bad input is refused with its stable code:
// URL form, unknown or no events, field types, the per-project limit,
// private and loopback targets (the SSRF guard), unresolvable hosts,
// disabled webhooks, missing or foreign webhooks and deliveries, and tokens
// without the capability.
#include "tests/support/agentfixture.h"

#include <QtTest>

using ddd::test::AgentFixture;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;

namespace {
const QString kPassword = u"correct horse battery"_qs;
// Nothing listens there: the API tests never need a delivery to succeed.
const QString kUrl = u"http://127.0.0.1:9/hook"_qs;

QJsonObject hookBody(const QString &url, const QJsonArray &events = {u"deploy.created"_qs})
{
    return {{u"url"_qs, url}, {u"events"_qs, events}};
}
} // namespace

class TestWebhooksApi final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;  // private targets allowed
    std::unique_ptr<AgentFixture> m_strict; // the default: refused
    QString m_alice;
    QString m_bob;
    QString m_carol; // on m_strict
    qint64 m_project = 0;
    qint64 m_strictProject = 0;

    static HttpTestClient api(AgentFixture &agent, const QString &token)
    {
        HttpTestClient http(agent.apiPort());
        http.setToken(token);
        return http;
    }
    HttpTestClient alice() const { return api(*m_agent, m_alice); }
    HttpTestClient bob() const { return api(*m_agent, m_bob); }
    QString hooksPath() const { return u"/api/v1/projects/%1/webhooks"_qs.arg(m_project); }

    qint64 create(const QJsonObject &body = hookBody(kUrl)) const
    {
        return alice().post(hooksPath(), body).json().value(u"id"_qs).toInteger();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_agent = std::make_unique<AgentFixture>();
        m_agent->config.webhooksAllowPrivateTargets = true;
        m_agent->config.webhooksMaxPerProject = 4;
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"alice@example.com"_qs, kPassword));
        QVERIFY(m_agent->addUser(u"bob@example.com"_qs, kPassword));
        m_alice = m_agent->login(u"alice@example.com"_qs, kPassword);
        m_bob = m_agent->login(u"bob@example.com"_qs, kPassword);
        m_project = alice().post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Shop"_qs}}).json().value(u"id"_qs).toInteger();
        QVERIFY(m_project > 0);
        m_strict = std::make_unique<AgentFixture>();
        QVERIFY(m_strict->start());
        QVERIFY(m_strict->addUser(u"carol@example.com"_qs, kPassword));
        m_carol = m_strict->login(u"carol@example.com"_qs, kPassword);
        m_strictProject = api(*m_strict, m_carol).post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Strict"_qs}}).json().value(u"id"_qs).toInteger();
        QVERIFY(m_strictProject > 0);
    }

    void cleanupTestCase()
    {
        m_agent.reset();
        m_strict.reset();
    }

    void secretIsShownOnlyAtCreation()
    {
        const HttpReply created = alice().post(hooksPath(), hookBody(kUrl, {u"deploy.created"_qs, u"build.finished"_qs}));
        QCOMPARE(created.status, 201);
        const QJsonObject hook = created.json();
        const QString secret = hook.value(u"secret"_qs).toString();
        QVERIFY(secret.size() > 40);
        QCOMPARE(hook.value(u"url"_qs).toString(), kUrl);
        QCOMPARE(hook.value(u"events"_qs).toArray(), QJsonArray({u"deploy.created"_qs, u"build.finished"_qs}));
        QCOMPARE(hook.value(u"active"_qs).toBool(), true);
        const qint64 id = hook.value(u"id"_qs).toInteger();
        const QString one = u"/api/v1/webhooks/%1"_qs.arg(id);
        const QList<HttpReply> later = {alice().get(one), alice().get(hooksPath()),
                                        alice().patch(one, {{u"active"_qs, true}}),
                                        alice().post(one + u"/ping"_qs, {}), alice().get(one + u"/deliveries"_qs)};
        for (const HttpReply &reply : later) {
            QVERIFY(reply.status < 300);
            QVERIFY(!reply.body.contains(secret.toUtf8()));
            QVERIFY(!reply.body.contains("\"secret\""));
        }
        QCOMPARE(alice().get(one).json().value(u"id"_qs).toInteger(), id);
        QCOMPARE(alice().del(one).status, 204);
    }

    void updateAndDelete()
    {
        const qint64 id = create();
        const QString one = u"/api/v1/webhooks/%1"_qs.arg(id);
        const HttpReply patched = alice().patch(one, {{u"events"_qs, QJsonArray{u"version.activated"_qs}},
                                                      {u"url"_qs, u"http://127.0.0.1:9/other"_qs},
                                                      {u"active"_qs, false}});
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json().value(u"events"_qs).toArray(), QJsonArray{u"version.activated"_qs});
        QCOMPARE(patched.json().value(u"url"_qs).toString(), u"http://127.0.0.1:9/other"_qs);
        QCOMPARE(alice().patch(one, {{u"url"_qs, u"ftp://x/"_qs}}).errorCode(), u"webhook.invalid_url"_qs);
        QCOMPARE(alice().get(one).json().value(u"url"_qs).toString(), u"http://127.0.0.1:9/other"_qs);
        QCOMPARE(alice().get(one).json().value(u"active"_qs).toBool(), false);
        QCOMPARE(alice().post(one + u"/ping"_qs, {}).errorCode(), u"webhook.inactive"_qs);
        QCOMPARE(alice().post(one + u"/ping"_qs, {}).status, 409);
        QCOMPARE(alice().del(one).status, 204);
        QCOMPARE(alice().get(one).errorCode(), u"webhook.not_found"_qs);
        QCOMPARE(alice().get(one + u"/deliveries"_qs).status, 404);
    }

    void malformedUrlsAreRefused_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("reason");
        QTest::newRow("scheme") << u"ftp://example.com/hook"_qs << u"scheme"_qs;
        QTest::newRow("file") << u"file:///etc/passwd"_qs << u"scheme"_qs;
        QTest::newRow("relative") << u"/hook"_qs << u"syntax"_qs;
        QTest::newRow("no host") << u"http:///hook"_qs << u"host"_qs;
        QTest::newRow("credentials") << u"http://user:pw@127.0.0.1/hook"_qs << u"credentials"_qs;
        QTest::newRow("fragment") << u"http://127.0.0.1/hook#x"_qs << u"fragment"_qs;
        QTest::newRow("length") << u"http://127.0.0.1/"_qs + QString(2100, u'a') << u"length"_qs;
    }

    void malformedUrlsAreRefused()
    {
        QFETCH(QString, url);
        QFETCH(QString, reason);
        const HttpReply reply = alice().post(hooksPath(), hookBody(url));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), u"webhook.invalid_url"_qs);
        QCOMPARE(reply.json().value(u"error"_qs).toObject().value(u"details"_qs).toObject().value(u"reason"_qs).toString(), reason);
    }

    void badFieldsAreRefused_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("unknown event") << hookBody(kUrl, {u"deploy.created"_qs, u"deploy.exploded"_qs}) << 400 << u"webhook.unknown_event"_qs;
        QTest::newRow("ping is not subscribable") << hookBody(kUrl, {u"ping"_qs}) << 400 << u"webhook.unknown_event"_qs;
        QTest::newRow("no events") << hookBody(kUrl, {}) << 400 << u"webhook.no_events"_qs;
        QTest::newRow("events not a list") << QJsonObject{{u"url"_qs, kUrl}, {u"events"_qs, u"deploy.created"_qs}} << 400 << u"request.invalid_field"_qs;
        QTest::newRow("no url") << QJsonObject{{u"events"_qs, QJsonArray{u"deploy.created"_qs}}} << 400 << u"request.invalid_field"_qs;
        QTest::newRow("url not text") << QJsonObject{{u"url"_qs, 5}, {u"events"_qs, QJsonArray{u"deploy.created"_qs}}} << 400 << u"request.invalid_field"_qs;
        QTest::newRow("no events field") << QJsonObject{{u"url"_qs, kUrl}} << 400 << u"request.invalid_field"_qs;
        QTest::newRow("active not bool") << QJsonObject{{u"url"_qs, kUrl}, {u"events"_qs, QJsonArray{u"deploy.created"_qs}}, {u"active"_qs, u"yes"_qs}} << 400 << u"request.invalid_field"_qs;
        QTest::newRow("secret chosen") << QJsonObject{{u"url"_qs, kUrl}, {u"events"_qs, QJsonArray{u"deploy.created"_qs}}, {u"secret"_qs, u"x"_qs}} << 400 << u"request.unknown_field"_qs;
        QTest::newRow("unresolvable") << hookBody(u"http://no-such-host.invalid/hook"_qs) << 400 << u"webhook.unresolvable_host"_qs;
    }

    void badFieldsAreRefused()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, code);
        const HttpReply reply = alice().post(hooksPath(), body);
        QCOMPARE(reply.errorCode(), code);
        QCOMPARE(reply.status, status);
    }

    void privateTargetsAreRefusedByDefault_data()
    {
        QTest::addColumn<QString>("url");
        for (const char *url : {"http://127.0.0.1/", "http://127.1.2.3:8080/", "http://localhost/hook",
                                "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "http://172.16.0.1/",
                                "http://192.168.1.1/", "http://100.64.0.1/", "http://0.0.0.0/", "http://[::1]/",
                                "http://[fe80::1]/", "http://[fd00::1]/", "http://[::ffff:127.0.0.1]/",
                                "https://224.0.0.1/"})
            QTest::newRow(url) << QString::fromLatin1(url);
    }

    void privateTargetsAreRefusedByDefault()
    {
        QFETCH(QString, url);
        HttpTestClient carol = api(*m_strict, m_carol);
        const qint64 project = m_strictProject;
        const HttpReply reply = carol.post(u"/api/v1/projects/%1/webhooks"_qs.arg(project), hookBody(url));
        QCOMPARE(reply.errorCode(), u"webhook.target_refused"_qs);
        QCOMPARE(reply.status, 400);
        QVERIFY(!reply.json().value(u"error"_qs).toObject().value(u"details"_qs).toObject().value(u"address"_qs).toString().isEmpty());
        // A public address literal is accepted (no DNS needed).
        const HttpReply ok = carol.post(u"/api/v1/projects/%1/webhooks"_qs.arg(project), hookBody(u"https://93.184.216.34/hook"_qs));
        QCOMPARE(ok.status, 201);
        QCOMPARE(carol.del(u"/api/v1/webhooks/%1"_qs.arg(ok.json().value(u"id"_qs).toInteger())).status, 204);
    }

    void tooManyHooksPerProject()
    {
        QList<qint64> made;
        for (qint64 id = create(); id > 0; id = create())
            made << id;
        QCOMPARE(made.size(), 4);
        const HttpReply refused = alice().post(hooksPath(), hookBody(kUrl));
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.errorCode(), u"webhook.limit_reached"_qs);
        QCOMPARE(refused.json().value(u"error"_qs).toObject().value(u"details"_qs).toObject().value(u"limit"_qs).toInt(), 4);
        for (qint64 id : made)
            QCOMPARE(alice().del(u"/api/v1/webhooks/%1"_qs.arg(id)).status, 204);
    }

    void othersSeeNothing()
    {
        const qint64 id = create();
        const QString one = u"/api/v1/webhooks/%1"_qs.arg(id);
        QCOMPARE(alice().post(one + u"/ping"_qs, {}).status, 202);
        const qint64 delivery = alice().get(one + u"/deliveries"_qs).items().first().toObject().value(u"id"_qs).toInteger();
        QCOMPARE(bob().get(one).errorCode(), u"webhook.not_found"_qs);
        QCOMPARE(bob().patch(one, {{u"active"_qs, false}}).errorCode(), u"webhook.not_found"_qs);
        QCOMPARE(bob().del(one).errorCode(), u"webhook.not_found"_qs);
        QCOMPARE(bob().post(one + u"/ping"_qs, {}).errorCode(), u"webhook.not_found"_qs);
        QCOMPARE(bob().get(one + u"/deliveries"_qs).errorCode(), u"webhook.not_found"_qs);
        QCOMPARE(bob().post(u"/api/v1/webhook-deliveries/%1/redeliver"_qs.arg(delivery), {}).errorCode(),
                 u"webhook.delivery_not_found"_qs);
        QCOMPARE(bob().post(hooksPath(), hookBody(kUrl)).errorCode(), u"project.not_found"_qs);
        QCOMPARE(bob().get(hooksPath()).errorCode(), u"project.not_found"_qs);
        QCOMPARE(alice().get(u"/api/v1/webhooks/999999"_qs).status, 404);
        QCOMPARE(alice().get(u"/api/v1/webhooks/abc"_qs).errorCode(), u"webhook.not_found"_qs);
        QCOMPARE(alice().post(u"/api/v1/webhook-deliveries/999999/redeliver"_qs, {}).errorCode(),
                 u"webhook.delivery_not_found"_qs);
        QCOMPARE(alice().patch(one, {{u"active"_qs, false}}).status, 200);
        QCOMPARE(alice().post(u"/api/v1/webhook-deliveries/%1/redeliver"_qs.arg(delivery), {}).errorCode(),
                 u"webhook.inactive"_qs);
        QCOMPARE(alice().del(one).status, 204);
    }

    void tokensNeedTheCapability()
    {
        const HttpReply token = alice().post(u"/api/v1/tokens"_qs, {{u"name"_qs, u"reader"_qs},
                                                                     {u"capabilities"_qs, QJsonArray{u"read"_qs}}});
        QCOMPARE(token.status, 201);
        HttpTestClient reader = api(*m_agent, token.json().value(u"secret"_qs).toString());
        QCOMPARE(reader.get(hooksPath()).status, 200);
        const HttpReply refused = reader.post(hooksPath(), hookBody(kUrl));
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.errorCode(), u"auth.forbidden"_qs);
    }
};

QTEST_GUILESS_MAIN(TestWebhooksApi)
#include "tst_webhooksapi.moc"
