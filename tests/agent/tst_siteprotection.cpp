// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Site passwords and share links through the real agent: settings changed
// over the API, visitors on the site listener over raw TCP (a browser's view:
// no client-side redirect following, cookie jar or credential cache).
#include "tests/support/agentfixture.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/zipbuilder.h"

#include <QtTest>

using ddd::test::AgentFixture;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::RawResponse;
using ddd::test::RawTcpClient;
using ddd::test::ZipBuilder;

namespace {

const QString kPassword = u"correct horse battery"_qs;
const QByteArray kDomain = "www.secret.test";
constexpr qint64 kPastThrottleWindowMs = 16 * 60 * 1000;

QByteArray basic(const QByteArray &user, const QByteArray &password)
{
    return "Authorization: Basic " + (user + ':' + password).toBase64() + "\r\n";
}

} // namespace

class TestSiteProtection final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    QString m_token;
    qint64 m_project = 0;
    QByteArray m_stagingHost;

    HttpTestClient api()
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(m_token);
        return http;
    }

    HttpReply patchSitePassword(const QJsonObject &sitePassword)
    {
        return api().patch(u"/api/v1/projects/%1"_qs.arg(m_project),
                           QJsonObject{{u"settings"_qs, QJsonObject{{u"sitePassword"_qs, sitePassword}}}});
    }

    void protect(const QJsonArray &users, const QString &scope = u"all"_qs)
    {
        const HttpReply reply =
            patchSitePassword(QJsonObject{{u"enabled"_qs, true}, {u"users"_qs, users}, {u"scope"_qs, scope}});
        QCOMPARE(reply.status, 200);
    }

    static QJsonObject user(const QString &name, const QString &password = {})
    {
        QJsonObject json{{u"username"_qs, name}};
        if (!password.isEmpty())
            json.insert(u"password"_qs, password);
        return json;
    }

    RawResponse visit(const QByteArray &target, const QByteArray &fields = {}, const QByteArray &host = kDomain,
                      const QByteArray &method = "GET")
    {
        RawTcpClient client;
        const QByteArray request = method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\n" + fields + "\r\n";
        if (!client.connectTo(m_agent->sitePort()) || !client.send(request))
            return {};
        return client.readResponse(10000, method != "HEAD").value_or(RawResponse());
    }

    static void verifyChallenge(const RawResponse &response, const QByteArray &realm = kDomain)
    {
        QCOMPARE(response.status, 401);
        QCOMPARE(response.header("WWW-Authenticate"), "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
        QCOMPARE(response.header("Cache-Control"), QByteArray("no-store"));
        QVERIFY(response.header("X-DDD-Version").isNull());
        QVERIFY(!response.body.contains("secret page"));
        QVERIFY(!response.body.contains("custom missing"));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_agent = std::make_unique<AgentFixture>();
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"owner@example.com"_qs, kPassword));
        m_token = m_agent->login(u"owner@example.com"_qs, kPassword);
        const HttpReply created = api().post(u"/api/v1/projects"_qs,
                                             QJsonObject{{u"name"_qs, u"Secret"_qs}, {u"domain"_qs, QString::fromLatin1(kDomain)}});
        QCOMPARE(created.status, 201);
        m_project = created.json().value(u"id"_qs).toInteger();
        m_stagingHost = created.json().value(u"stagingHost"_qs).toString().toLatin1();
        const QByteArray zip = ZipBuilder()
                                   .file("index.html", "<h1>secret page</h1>")
                                   .file("404.html", "custom missing")
                                   .file("docs/index.html", "docs")
                                   .build();
        const HttpReply deployed = api().send("POST", u"/api/v1/projects/%1/deploys?activate=true"_qs.arg(m_project),
                                              zip, {{"Content-Type", "application/zip"}});
        QCOMPARE(deployed.status, 201);
    }

    // Every test starts with ann and bob as the site's users, on every
    // host, and with throttle windows (and login tokens) of earlier tests expired.
    void init()
    {
        m_agent->clock.advanceMs(kPastThrottleWindowMs);
        m_token = m_agent->login(u"owner@example.com"_qs, kPassword); // the old one has expired
        protect(QJsonArray{user(u"ann"_qs, u"ann-password-1"_qs), user(u"bob"_qs, u"bob-password-1"_qs)});
    }

    void cleanupTestCase() { m_agent.reset(); }

    void unprotectedSiteIsPublic()
    {
        QCOMPARE(patchSitePassword(QJsonObject{{u"enabled"_qs, false}}).status, 200);
        const RawResponse page = visit("/");
        QCOMPARE(page.status, 200);
        QCOMPARE(page.body, QByteArray("<h1>secret page</h1>"));
        QCOMPARE(page.header("Cache-Control"), QByteArray("no-cache"));
    }

    // The site listener keeps public answers (PreparedAnswers); turning the
    // password on must not leave one of them to be served.
    void protectingAPublicSiteTakesEffectAtOnce()
    {
        QCOMPARE(patchSitePassword(QJsonObject{{u"enabled"_qs, false}}).status, 200);
        for (const QByteArray &host : {kDomain, m_stagingHost})
            for (int i = 0; i < 2; ++i)
                QCOMPARE(visit("/", {}, host).status, 200);
        protect(QJsonArray{user(u"ann"_qs, u"ann-password-1"_qs)});
        for (const QByteArray &host : {kDomain, m_stagingHost})
            verifyChallenge(visit("/", {}, host), host);
    }

    void everyPathMethodAndHostAsksForThePassword_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("fields");
        QTest::addColumn<bool>("staging");
        QTest::newRow("page") << QByteArray("GET") << QByteArray("/") << QByteArray() << false;
        QTest::newRow("file") << QByteArray("GET") << QByteArray("/index.html") << QByteArray() << false;
        QTest::newRow("missing, custom 404") << QByteArray("GET") << QByteArray("/nope") << QByteArray() << false;
        QTest::newRow("directory redirect") << QByteArray("GET") << QByteArray("/docs") << QByteArray() << false;
        QTest::newRow("range") << QByteArray("GET") << QByteArray("/") << QByteArray("Range: bytes=0-3\r\n") << false;
        QTest::newRow("conditional") << QByteArray("GET") << QByteArray("/") << QByteArray("If-None-Match: *\r\n") << false;
        QTest::newRow("head") << QByteArray("HEAD") << QByteArray("/") << QByteArray() << false;
        QTest::newRow("staging host") << QByteArray("GET") << QByteArray("/") << QByteArray() << true;
        QTest::newRow("staging 404") << QByteArray("GET") << QByteArray("/nope") << QByteArray() << true;
    }

    void everyPathMethodAndHostAsksForThePassword()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, fields);
        QFETCH(bool, staging);
        const QByteArray host = staging ? m_stagingHost : kDomain;
        verifyChallenge(visit(target, fields, host, method), host);
    }

    void wrongOrMalformedCredentialsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("wrong password") << basic("ann", "bob-password-1");
        QTest::newRow("unknown user") << basic("carol", "ann-password-1");
        QTest::newRow("user name case") << basic("Ann", "ann-password-1");
        QTest::newRow("empty password") << basic("ann", "");
        QTest::newRow("bearer scheme") << QByteArray("Authorization: Bearer abc\r\n");
        QTest::newRow("not base64") << QByteArray("Authorization: Basic !!!!\r\n");
        QTest::newRow("no colon") << "Authorization: Basic " + QByteArray("annpassword").toBase64() + "\r\n";
        QTest::newRow("scheme only") << QByteArray("Authorization: Basic\r\n");
        QTest::newRow("invalid utf-8") << "Authorization: Basic " + QByteArray("ann:\xff\xfe").toBase64() + "\r\n";
    }

    void wrongOrMalformedCredentialsAreRefused()
    {
        QFETCH(QByteArray, authorization);
        verifyChallenge(visit("/", authorization));
    }

    void validCredentialsOpenEveryAnswer()
    {
        const QByteArray ann = basic("ann", "ann-password-1");
        const RawResponse page = visit("/", ann);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.body, QByteArray("<h1>secret page</h1>"));
        QCOMPARE(page.header("Cache-Control"), QByteArray("private, no-cache"));
        QCOMPARE(page.header("X-DDD-Version"), QByteArray("1"));

        const RawResponse missing = visit("/nope", ann);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.body, QByteArray("custom missing"));
        QVERIFY(missing.header("Cache-Control").startsWith("private"));

        const RawResponse range = visit("/", ann + "Range: bytes=4-9\r\n");
        QCOMPARE(range.status, 206);
        QCOMPARE(range.body, QByteArray("secret"));

        const RawResponse head = visit("/", basic("bob", "bob-password-1"), kDomain, "HEAD");
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("Content-Length"), QByteArray("20"));

        QCOMPARE(visit("/docs", ann).status, 301);
        QCOMPARE(visit("/", ann, m_stagingHost).status, 200);
    }

    void passwordChangesTakeEffectAtOnce()
    {
        const QByteArray oldAnn = basic("ann", "ann-password-1");
        QCOMPARE(visit("/", oldAnn).status, 200); // now remembered
        protect(QJsonArray{user(u"ann"_qs, u"ann-password-2"_qs), user(u"bob"_qs)});
        verifyChallenge(visit("/", oldAnn));
        QCOMPARE(visit("/", basic("ann", "ann-password-2")).status, 200);
        QCOMPARE(visit("/", basic("bob", "bob-password-1")).status, 200); // kept its stored hash

        protect(QJsonArray{user(u"ann"_qs)}); // bob removed
        verifyChallenge(visit("/", basic("bob", "bob-password-1")));

        QCOMPARE(patchSitePassword(QJsonObject{{u"enabled"_qs, false}}).status, 200);
        QCOMPARE(visit("/").status, 200);
    }

    void failedAttemptsAreThrottled()
    {
        for (int i = 0; i < 10; ++i)
            verifyChallenge(visit("/", basic("ann", "guess-" + QByteArray::number(i))));
        const RawResponse throttled = visit("/", basic("ann", "ann-password-1"));
        QCOMPARE(throttled.status, 429);
        const int retryAfter = throttled.header("Retry-After").toInt();
        QVERIFY2(retryAfter > 0 && retryAfter <= 15 * 60, throttled.header("Retry-After").constData());
        QCOMPARE(throttled.header("Cache-Control"), QByteArray("no-store"));
        QVERIFY(!throttled.body.contains("secret page"));

        // The answer's Retry-After is true: just before it, still refused; after it, let in.
        m_agent->clock.advanceMs((retryAfter - 1) * 1000);
        QCOMPARE(visit("/", basic("ann", "ann-password-1")).status, 429);
        m_agent->clock.advanceMs(1000);
        QCOMPARE(visit("/", basic("ann", "ann-password-1")).status, 200);
    }

    void rememberedCredentialsPassWhileThrottled()
    {
        const QByteArray bob = basic("bob", "bob-password-1");
        QCOMPARE(visit("/", bob).status, 200);
        for (int i = 0; i < 10; ++i)
            visit("/", basic("ann", "guess-" + QByteArray::number(i)));
        QCOMPARE(visit("/", basic("ann", "ann-password-1")).status, 429);
        QCOMPARE(visit("/", bob).status, 200);
    }

    void stagingOnlyScopeLeavesProductionPublic()
    {
        protect(QJsonArray{user(u"ann"_qs), user(u"bob"_qs)}, u"staging"_qs);
        QCOMPARE(visit("/").status, 200);
        QCOMPARE(visit("/").header("Cache-Control"), QByteArray("no-cache"));
        verifyChallenge(visit("/", {}, m_stagingHost), m_stagingHost);
        QCOMPARE(visit("/", basic("ann", "ann-password-1"), m_stagingHost).status, 200);
    }

    void shareLinkLetsAVisitorIn()
    {
        const HttpReply issued = api().post(u"/api/v1/projects/%1/share-links"_qs.arg(m_project),
                                            QJsonObject{{u"expiresInSeconds"_qs, 3600}});
        QCOMPARE(issued.status, 201);
        const QByteArray token = issued.json().value(u"token"_qs).toString().toLatin1();
        const QString url = issued.json().value(u"url"_qs).toString();
        QVERIFY2(url.startsWith(u"http://"_qs + QString::fromLatin1(kDomain) + u':'), qPrintable(url));
        QVERIFY(url.endsWith(u"/?ddd_share="_qs + QString::fromLatin1(token)));
        QVERIFY(!issued.json().value(u"expiresAt"_qs).toString().isEmpty());

        const RawResponse arrival = visit("/docs/?lang=en&ddd_share=" + token);
        QCOMPARE(arrival.status, 303);
        QCOMPARE(arrival.header("Location"), QByteArray("/docs/?lang=en"));
        const QByteArray cookie = arrival.header("Set-Cookie");
        QCOMPARE(cookie, "ddd_share=" + token + "; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax");
        QCOMPARE(arrival.header("Cache-Control"), QByteArray("no-store"));

        const RawResponse page = visit("/", "Cookie: theme=dark; ddd_share=" + token + "\r\n");
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("Cache-Control").startsWith("private"));

        QByteArray tampered = token;
        char &flipped = tampered[tampered.size() - 2];
        flipped = flipped == 'A' ? 'B' : 'A'; // a MAC character always changes
        verifyChallenge(visit("/", "Cookie: ddd_share=" + tampered + "\r\n"));
        verifyChallenge(visit("/?ddd_share=" + tampered));

        m_agent->clock.advanceMs(3601 * 1000);
        verifyChallenge(visit("/", "Cookie: ddd_share=" + token + "\r\n"));
        const RawResponse expired = visit("/?ddd_share=" + token);
        verifyChallenge(expired);
        QVERIFY(expired.body.contains("expired"));
    }

    void revokingShareLinksEndsThemAll()
    {
        const HttpReply issued = api().post(u"/api/v1/projects/%1/share-links"_qs.arg(m_project),
                                            QJsonObject{{u"expiresInSeconds"_qs, 600}});
        const QByteArray cookie = "Cookie: ddd_share=" + issued.json().value(u"token"_qs).toString().toLatin1() + "\r\n";
        QCOMPARE(visit("/", cookie).status, 200);
        QCOMPARE(api().del(u"/api/v1/projects/%1/share-links"_qs.arg(m_project)).status, 204);
        verifyChallenge(visit("/", cookie));
        // The site users' passwords still work.
        QCOMPARE(visit("/", basic("ann", "ann-password-1")).status, 200);
    }

    void shareLinkRefusals_data()
    {
        QTest::addColumn<QJsonValue>("lifetime");
        QTest::addColumn<QString>("code");
        QTest::newRow("too short") << QJsonValue(59) << u"site.invalid_share_lifetime"_qs;
        QTest::newRow("too long") << QJsonValue(30 * 24 * 3600 + 1) << u"site.invalid_share_lifetime"_qs;
        QTest::newRow("fraction") << QJsonValue(600.5) << u"request.invalid_field"_qs;
        QTest::newRow("text") << QJsonValue(u"600"_qs) << u"request.invalid_field"_qs;
        QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined) << u"request.invalid_field"_qs;
    }

    void shareLinkRefusals()
    {
        QFETCH(QJsonValue, lifetime);
        QFETCH(QString, code);
        QJsonObject body;
        if (!lifetime.isUndefined())
            body.insert(u"expiresInSeconds"_qs, lifetime);
        const HttpReply reply = api().post(u"/api/v1/projects/%1/share-links"_qs.arg(m_project), body);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), code);
    }

    void shareLinksNeedTheProjectAndTheCapability()
    {
        QVERIFY(m_agent->addUser(u"mallory@example.com"_qs, kPassword));
        HttpTestClient mallory(m_agent->apiPort());
        mallory.setToken(m_agent->login(u"mallory@example.com"_qs, kPassword));
        const QString path = u"/api/v1/projects/%1/share-links"_qs.arg(m_project);
        QCOMPARE(mallory.post(path, QJsonObject{{u"expiresInSeconds"_qs, 600}}).errorCode(), u"project.not_found"_qs);
        QCOMPARE(mallory.del(path).errorCode(), u"project.not_found"_qs);

        const HttpReply readOnly = api().post(u"/api/v1/tokens"_qs, QJsonObject{{u"name"_qs, u"ci"_qs},
                                                                               {u"capabilities"_qs, QJsonArray{u"read"_qs}}});
        QCOMPARE(readOnly.status, 201);
        HttpTestClient ci(m_agent->apiPort());
        ci.setToken(readOnly.json().value(u"secret"_qs).toString());
        const HttpReply refused = ci.post(path, QJsonObject{{u"expiresInSeconds"_qs, 600}});
        QCOMPARE(refused.status, 403);
        QCOMPARE(ci.del(path).status, 403);
    }

    void scopeIsValidated()
    {
        const HttpReply reply = patchSitePassword(QJsonObject{{u"scope"_qs, u"production"_qs}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), u"project.invalid_settings"_qs);
        QCOMPARE(reply.json().value(u"error"_qs).toObject().value(u"details"_qs).toObject().value(u"field"_qs).toString(),
                 u"sitePassword.scope"_qs);
        const HttpReply project = api().get(u"/api/v1/projects/%1"_qs.arg(m_project));
        const QJsonObject sitePassword =
            project.json().value(u"settings"_qs).toObject().value(u"sitePassword"_qs).toObject();
        QCOMPARE(sitePassword.value(u"scope"_qs).toString(), u"all"_qs);
        QCOMPARE(sitePassword.value(u"forced"_qs).toBool(true), false);
    }

    // site.force_protection: a project that asked for nothing is closed too,
    // and its owner is told so; share links still let visitors in.
    void operatorForcesProtection()
    {
        AgentFixture forced;
        forced.config.forceSiteProtection = true;
        QVERIFY(forced.start());
        QVERIFY(forced.addUser(u"owner@example.com"_qs, kPassword));
        HttpTestClient owner(forced.apiPort());
        owner.setToken(forced.login(u"owner@example.com"_qs, kPassword));
        const HttpReply created = owner.post(u"/api/v1/projects"_qs, QJsonObject{{u"name"_qs, u"Open"_qs}});
        const qint64 id = created.json().value(u"id"_qs).toInteger();
        const QJsonObject sitePassword =
            created.json().value(u"settings"_qs).toObject().value(u"sitePassword"_qs).toObject();
        QCOMPARE(sitePassword.value(u"enabled"_qs).toBool(), false);
        QCOMPARE(sitePassword.value(u"forced"_qs).toBool(), true);
        const QByteArray zip = ZipBuilder().file("index.html", "<h1>secret page</h1>").build();
        QCOMPARE(owner.send("POST", u"/api/v1/projects/%1/deploys?activate=true"_qs.arg(id), zip,
                            {{"Content-Type", "application/zip"}}).status, 201);
        const QByteArray host = created.json().value(u"stagingHost"_qs).toString().toLatin1();

        RawTcpClient client;
        QVERIFY(client.connectTo(forced.sitePort()));
        QVERIFY(client.send("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n"));
        verifyChallenge(client.readResponse(10000).value_or(RawResponse()), host);

        const HttpReply link = owner.post(u"/api/v1/projects/%1/share-links"_qs.arg(id),
                                          QJsonObject{{u"expiresInSeconds"_qs, 600}});
        QCOMPARE(link.status, 201);
        QVERIFY(client.send("GET / HTTP/1.1\r\nHost: " + host + "\r\nCookie: ddd_share="
                            + link.json().value(u"token"_qs).toString().toLatin1() + "\r\n\r\n"));
        QCOMPARE(client.readResponse(10000).value_or(RawResponse()).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestSiteProtection)
#include "tst_siteprotection.moc"
