// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// A project's HTTPS settings as a visitor meets them on real sockets: the
// plain-HTTP redirect (301, 308 for other methods, path and query kept,
// never for ACME's HTTP-01 path), Strict-Transport-Security on HTTPS answers
// only, both on HTTP/1.1 and HTTP/2; and every refusal of the API.
#include "tests/support/agentfixture.h"
#include "tests/support/commandresult.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/testcertificate.h"
#include "tests/support/zipbuilder.h"

#include <QtTest>

using namespace ddd::test;

namespace {

const QString kPassword = u"correct horse battery"_qs;

QJsonObject httpsPatch(const QJsonObject &https)
{
    return QJsonObject{{u"settings"_qs, QJsonObject{{u"https"_qs, https}}}};
}

} // namespace

class TestHttpsSettings final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    QString m_token;
    qint64 m_project = 0;
    QByteArray m_staging;

    HttpTestClient api(AgentFixture &agent, const QString &token)
    {
        HttpTestClient http(agent.apiPort());
        http.setToken(token);
        return http;
    }
    HttpReply patch(const QJsonObject &body) { return api(*m_agent, m_token).patch(u"/api/v1/projects/%1"_qs.arg(m_project), body); }

    RawResponse plain(const QByteArray &method, const QByteArray &host, const QByteArray &target = "/")
    {
        RawTcpClient client;
        if (!client.connectTo(m_agent->sitePort())
            || !client.send(method + ' ' + target + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 0\r\n\r\n"))
            return {};
        return client.readResponse(10000, method != "HEAD").value_or(RawResponse());
    }

    RawResponse secure(const QByteArray &host, const QByteArray &target = "/")
    {
        RawTcpClient client;
        if (!client.connectTls(m_agent->siteHttpsPort(), QString::fromLatin1(host))
            || !client.send("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n"))
            return {};
        return client.readResponse(10000).value_or(RawResponse());
    }

    QByteArray httpsOrigin(const QByteArray &host) const
    {
        return "https://" + host + ':' + QByteArray::number(m_agent->siteHttpsPort());
    }

    // Logs in on `agent` and creates the shop project (domain, one alias,
    // one live version); answers the token.
    QString createShop(AgentFixture &agent, qint64 &project)
    {
        if (!agent.addUser(u"owner@example.com"_qs, kPassword))
            return {};
        const QString token = agent.login(u"owner@example.com"_qs, kPassword);
        const HttpReply created = api(agent, token).post(
            u"/api/v1/projects"_qs, QJsonObject{{u"name"_qs, u"Shop"_qs}, {u"domain"_qs, u"www.shop.test"_qs}});
        project = created.json().value(u"id"_qs).toInteger();
        m_staging = created.json().value(u"stagingHost"_qs).toString().toLatin1();
        api(agent, token).patch(u"/api/v1/projects/%1"_qs.arg(project),
                                QJsonObject{{u"aliases"_qs, QJsonArray{u"shop.test"_qs}}});
        const QByteArray zip = ZipBuilder().file("index.html", "<h1>shop</h1>").build();
        const HttpReply deployed = api(agent, token).send(
            "POST", u"/api/v1/projects/%1/deploys?activate=true"_qs.arg(project), zip,
            {{"Content-Type", "application/zip"}});
        return deployed.status == 201 ? token : QString();
    }

private slots:
    void initTestCase()
    {
        m_agent = std::make_unique<AgentFixture>();
        QVERIFY(TestCertificate::install(m_agent->dataDir() + u"/certificates"_qs, u"www.shop.test"_qs,
                                         {u"www.shop.test"_qs, u"shop.test"_qs}));
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->siteHttpsPort() != 0);
        m_token = createShop(*m_agent, m_project);
        QVERIFY(!m_token.isEmpty());
    }
    void cleanupTestCase() { m_agent.reset(); }
    void init()
    {
        const QJsonObject off{{u"redirect"_qs, false},
                              {u"hsts"_qs, QJsonObject{{u"enabled"_qs, false}, {u"maxAge"_qs, 31536000},
                                                       {u"includeSubDomains"_qs, false}, {u"preload"_qs, false}}}};
        QCOMPARE(patch(httpsPatch(off)).status, 200);
    }

    void offByDefaultAndAnnounced()
    {
        const QJsonObject project = api(*m_agent, m_token).get(u"/api/v1/projects/%1"_qs.arg(m_project)).json();
        const QJsonObject https = project.value(u"settings"_qs).toObject().value(u"https"_qs).toObject();
        QCOMPARE(https.value(u"redirect"_qs), QJsonValue(false));
        QCOMPARE(https.value(u"hsts"_qs).toObject().value(u"enabled"_qs), QJsonValue(false));
        QCOMPARE(plain("GET", "www.shop.test").status, 200);
        QCOMPARE(secure("www.shop.test").header("Strict-Transport-Security"), QByteArray());
        // A certificate names the domain: the API hands out its https address.
        QCOMPARE(project.value(u"urls"_qs).toObject().value(u"production"_qs).toString(),
                 QString::fromLatin1(httpsOrigin("www.shop.test") + '/'));
    }

    void redirectSendsPlainHttpToHttps_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::newRow("GET, path and query kept") << QByteArray("GET") << QByteArray("www.shop.test")
                                                  << QByteArray("/a%20b/c?x=1&y=%2F") << 301;
        QTest::newRow("HEAD") << QByteArray("HEAD") << QByteArray("www.shop.test") << QByteArray("/") << 301;
        QTest::newRow("POST keeps its method") << QByteArray("POST") << QByteArray("www.shop.test")
                                               << QByteArray("/form?x=1") << 308;
        QTest::newRow("DELETE keeps its method") << QByteArray("DELETE") << QByteArray("www.shop.test")
                                                 << QByteArray("/x") << 308;
        QTest::newRow("alias, same host") << QByteArray("GET") << QByteArray("shop.test") << QByteArray("/p?q") << 301;
        QTest::newRow("missing file") << QByteArray("GET") << QByteArray("www.shop.test") << QByteArray("/nope") << 301;
    }
    void redirectSendsPlainHttpToHttps()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, host);
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QCOMPARE(patch(httpsPatch({{u"redirect"_qs, true}})).status, 200);
        const RawResponse moved = plain(method, host, target);
        QCOMPARE(moved.status, status);
        QCOMPARE(moved.header("Location"), httpsOrigin(host) + target);
        // Over HTTPS the site answers (an alias still goes to the domain).
        const RawResponse served = secure(host, target);
        QVERIFY2(served.status == 200 || served.status == 404 || served.status == 301, served.statusLine.constData());
        if (served.status == 301)
            QVERIFY(served.header("Location").startsWith("https://www.shop.test"));
    }

    void redirectLeavesOtherRequestsAlone()
    {
        QCOMPARE(patch(httpsPatch({{u"redirect"_qs, true}})).status, 200);
        // ACME's HTTP-01 challenge must be answerable over plain HTTP.
        const RawResponse challenge = plain("GET", "www.shop.test", "/.well-known/acme-challenge/token-1");
        QCOMPARE(challenge.status, 404);
        QCOMPARE(challenge.header("Location"), QByteArray());
        // (an alias's own canonical redirect stays plain HTTP, which HTTP-01 follows)
        QVERIFY(!plain("GET", "shop.test", "/.well-known/acme-challenge/x").header("Location").startsWith("https:"));
        // Staging and unknown hosts are not the project's production names.
        QCOMPARE(plain("GET", m_staging).status, 200);
        QCOMPARE(plain("GET", "unknown.test").status, 404);
        // Off again: in force from the next request.
        QCOMPARE(patch(httpsPatch({{u"redirect"_qs, false}})).status, 200);
        QCOMPARE(plain("GET", "www.shop.test").status, 200);
    }

    void hstsOnHttpsAnswersOnly_data()
    {
        QTest::addColumn<QJsonObject>("hsts");
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("max-age only") << QJsonObject{{u"enabled"_qs, true}, {u"maxAge"_qs, 300}}
                                      << QByteArray("max-age=300");
        QTest::newRow("includeSubDomains") << QJsonObject{{u"enabled"_qs, true}, {u"includeSubDomains"_qs, true}}
                                           << QByteArray("max-age=31536000; includeSubDomains");
        QTest::newRow("preload") << QJsonObject{{u"enabled"_qs, true}, {u"maxAge"_qs, 63072000},
                                                {u"includeSubDomains"_qs, true}, {u"preload"_qs, true}}
                                 << QByteArray("max-age=63072000; includeSubDomains; preload");
        QTest::newRow("max-age 0 (browsers forget)") << QJsonObject{{u"enabled"_qs, true}, {u"maxAge"_qs, 0}}
                                                     << QByteArray("max-age=0");
    }
    void hstsOnHttpsAnswersOnly()
    {
        QFETCH(QJsonObject, hsts);
        QFETCH(QByteArray, value);
        const HttpReply saved = patch(httpsPatch({{u"hsts"_qs, hsts}}));
        QCOMPARE(saved.status, 200);
        QCOMPARE(secure("www.shop.test").header("Strict-Transport-Security"), value);
        QCOMPARE(secure("www.shop.test", "/missing").header("Strict-Transport-Security"), value);
        QCOMPARE(secure("shop.test").header("Strict-Transport-Security"), value);
        QCOMPARE(plain("GET", "www.shop.test").header("Strict-Transport-Security"), QByteArray());
        QCOMPARE(secure(m_staging).header("Strict-Transport-Security"), QByteArray());
    }

    // One pipeline, two framings: the redirect over h2c and HSTS over h2.
    void sameOnHttp2()
    {
        QCOMPARE(patch(httpsPatch({{u"redirect"_qs, true}, {u"hsts"_qs, QJsonObject{{u"enabled"_qs, true}}}})).status,
                 200);
        const QString https = QString::number(m_agent->siteHttpsPort());
        const CommandResult h2 = CommandResult::run(
            u"curl"_qs, {u"-sk"_qs, u"--http2"_qs, u"-o"_qs, u"/dev/null"_qs, u"-D"_qs, u"-"_qs, u"--resolve"_qs,
                         u"www.shop.test:"_qs + https + u":127.0.0.1"_qs, u"https://www.shop.test:"_qs + https + u"/"_qs});
        QVERIFY2(h2.ok(), qPrintable(h2.output));
        QVERIFY2(h2.output.contains(u"HTTP/2 200"_qs), qPrintable(h2.output));
        QVERIFY2(h2.output.contains(u"strict-transport-security: max-age=31536000"_qs), qPrintable(h2.output));
        const CommandResult h2c = CommandResult::run(
            u"curl"_qs, {u"-s"_qs, u"--http2-prior-knowledge"_qs, u"-o"_qs, u"/dev/null"_qs, u"-D"_qs, u"-"_qs,
                         u"-H"_qs, u"Host: www.shop.test"_qs,
                         u"http://127.0.0.1:%1/a?b=1"_qs.arg(m_agent->sitePort())});
        QVERIFY2(h2c.output.contains(u"HTTP/2 301"_qs), qPrintable(h2c.output));
        QVERIFY2(h2c.output.contains(u"location: https://www.shop.test:"_qs + https + u"/a?b=1"_qs), qPrintable(h2c.output));
        QVERIFY2(!h2c.output.contains(u"strict-transport-security"_qs), qPrintable(h2c.output));
    }

    void refusals_data()
    {
        QTest::addColumn<QJsonValue>("https");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("reason");
        const QString invalid = u"project.invalid_settings"_qs;
        const QString preload = u"project.invalid_hsts_preload"_qs;
        QTest::newRow("not an object") << QJsonValue(true) << 400 << invalid << u"https"_qs << u"not_object"_qs;
        QTest::newRow("unknown field") << QJsonValue(QJsonObject{{u"hsst"_qs, true}}) << 400 << invalid
                                       << u"https.hsst"_qs << u"unknown_field"_qs;
        QTest::newRow("redirect not boolean") << QJsonValue(QJsonObject{{u"redirect"_qs, u"yes"_qs}}) << 400
                                              << invalid << u"https.redirect"_qs << u"not_boolean"_qs;
        QTest::newRow("hsts not an object") << QJsonValue(QJsonObject{{u"hsts"_qs, 1}}) << 400 << invalid
                                            << u"https.hsts"_qs << u"not_object"_qs;
        QTest::newRow("hsts unknown field") << QJsonValue(QJsonObject{{u"hsts"_qs, QJsonObject{{u"max_age"_qs, 1}}}})
                                            << 400 << invalid << u"https.hsts.max_age"_qs << u"unknown_field"_qs;
        QTest::newRow("maxAge negative") << QJsonValue(QJsonObject{{u"hsts"_qs, QJsonObject{{u"maxAge"_qs, -1}}}})
                                         << 400 << invalid << u"https.hsts.maxAge"_qs << u"out_of_range"_qs;
        QTest::newRow("maxAge over two years")
            << QJsonValue(QJsonObject{{u"hsts"_qs, QJsonObject{{u"maxAge"_qs, 63072001}}}}) << 400 << invalid
            << u"https.hsts.maxAge"_qs << u"out_of_range"_qs;
        QTest::newRow("maxAge fraction") << QJsonValue(QJsonObject{{u"hsts"_qs, QJsonObject{{u"maxAge"_qs, 1.5}}}})
                                         << 400 << invalid << u"https.hsts.maxAge"_qs << u"not_integer"_qs;
        QTest::newRow("maxAge string") << QJsonValue(QJsonObject{{u"hsts"_qs, QJsonObject{{u"maxAge"_qs, u"1"_qs}}}})
                                       << 400 << invalid << u"https.hsts.maxAge"_qs << u"not_integer"_qs;
        QTest::newRow("preload without includeSubDomains")
            << QJsonValue(QJsonObject{{u"hsts"_qs, QJsonObject{{u"enabled"_qs, true}, {u"preload"_qs, true}}}})
            << 400 << preload << QString() << QString();
        QTest::newRow("preload with a short maxAge")
            << QJsonValue(QJsonObject{{u"hsts"_qs, QJsonObject{{u"enabled"_qs, true}, {u"preload"_qs, true},
                                                               {u"includeSubDomains"_qs, true}, {u"maxAge"_qs, 31535999}}}})
            << 400 << preload << QString() << QString();
    }
    void refusals()
    {
        QFETCH(QJsonValue, https);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QFETCH(QString, reason);
        const HttpReply refused = patch(QJsonObject{{u"settings"_qs, QJsonObject{{u"https"_qs, https}}}});
        QCOMPARE(refused.status, status);
        const QJsonObject error = refused.json().value(u"error"_qs).toObject();
        QCOMPARE(error.value(u"code"_qs).toString(), code);
        if (!field.isEmpty()) {
            QCOMPARE(error.value(u"details"_qs).toObject().value(u"field"_qs).toString(), field);
            QCOMPARE(error.value(u"details"_qs).toObject().value(u"reason"_qs).toString(), reason);
        }
        // Nothing of a refused request is kept.
        QCOMPARE(plain("GET", "www.shop.test").status, 200);
        QCOMPARE(secure("www.shop.test").header("Strict-Transport-Security"), QByteArray());
    }

    // "A setting that does nothing is a defect": without an HTTPS site
    // listener neither can be turned on; turning them off always works.
    void refusedWithoutHttps()
    {
        AgentFixture plainAgent;
        QVERIFY(plainAgent.start());
        QCOMPARE(plainAgent.siteHttpsPort(), quint16(0));
        qint64 project = 0;
        const QString token = createShop(plainAgent, project);
        QVERIFY(!token.isEmpty());
        const QString path = u"/api/v1/projects/%1"_qs.arg(project);
        for (const QJsonObject &https : {QJsonObject{{u"redirect"_qs, true}},
                                         QJsonObject{{u"hsts"_qs, QJsonObject{{u"enabled"_qs, true}}}}}) {
            const HttpReply refused = api(plainAgent, token).patch(path, httpsPatch(https));
            QCOMPARE(refused.status, 409);
            QCOMPARE(refused.json().value(u"error"_qs).toObject().value(u"code"_qs).toString(),
                     u"project.https_unavailable"_qs);
        }
        const HttpReply created = api(plainAgent, token).post(
            u"/api/v1/projects"_qs, QJsonObject{{u"name"_qs, u"Blog"_qs},
                                                {u"settings"_qs, QJsonObject{{u"https"_qs, QJsonObject{{u"redirect"_qs, true}}}}}});
        QCOMPARE(created.status, 409);
        QCOMPARE(api(plainAgent, token).patch(path, httpsPatch({{u"redirect"_qs, false}})).status, 200);
        QCOMPARE(api(plainAgent, token).patch(path, httpsPatch({{u"hsts"_qs, QJsonObject{{u"maxAge"_qs, 600}}}})).status,
                 200);
    }
};

QTEST_GUILESS_MAIN(TestHttpsSettings)
#include "tst_httpssettings.moc"
