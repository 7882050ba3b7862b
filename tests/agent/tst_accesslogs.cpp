// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The access log as an operator reads it, through the real agent: one JSON
// line per request on both listeners, with the fields that find a problem
// (client behind a trusted proxy, host, path, status, version, error code)
// and never a query string or a token; and the missing-paths list the
// dashboard shows a site owner.
#include "agent/combinedlogfile.h"
#include "tests/support/agentfixture.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/zipbuilder.h"

#include <QtTest>

#include <mutex>

using ddd::test::AgentFixture;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::RawResponse;
using ddd::test::RawTcpClient;
using ddd::test::ZipBuilder;

namespace {
const QString kPassword = u"correct horse battery"_qs;
}

class TestAccessLogs final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    std::mutex m_logMutex;
    QByteArray m_log;
    QString m_token;
    QString m_otherToken;
    qint64 m_project = 0;

    QByteArray log()
    {
        std::lock_guard lock(m_logMutex);
        return m_log;
    }

    // The first logged line whose field `key` is `value`, once it was written.
    QJsonObject lineWhere(const QString &key, const QString &value)
    {
        for (const QByteArray &line : log().split('\n')) {
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            if (object.value(key).toString() == value)
                return object;
        }
        return {};
    }

    QString combinedPath() const { return QDir(m_agent->dataDir()).filePath(u"sites.log"_qs); }

    static QByteArray fileText(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    HttpTestClient api(const QString &token)
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(token);
        return http;
    }

    RawResponse visit(const QByteArray &target, const QByteArray &fields = {})
    {
        RawTcpClient client;
        if (!client.connectTo(m_agent->sitePort())
            || !client.send("GET " + target + " HTTP/1.1\r\nHost: www.shop.test\r\n" + fields + "\r\n"))
            return {};
        return client.readResponse(10000).value_or(RawResponse());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_agent = std::make_unique<AgentFixture>();
        m_agent->config.trustedProxies = {u"127.0.0.1"_qs};
        m_agent->config.siteCombinedLogFile = combinedPath();
        m_agent->accessLogWriter = [this](const QByteArray &lines) {
            std::lock_guard lock(m_logMutex);
            m_log += lines;
        };
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"owner@example.com"_qs, kPassword));
        QVERIFY(m_agent->addUser(u"other@example.com"_qs, kPassword));
        m_token = m_agent->login(u"owner@example.com"_qs, kPassword);
        m_otherToken = m_agent->login(u"other@example.com"_qs, kPassword);
        const HttpReply created = api(m_token).post(u"/api/v1/projects"_qs, QJsonObject{{u"name"_qs, u"Shop"_qs},
                                                                                      {u"domain"_qs, u"www.shop.test"_qs}});
        QCOMPARE(created.status, 201);
        m_project = created.json().value(u"id"_qs).toInteger();
        const QByteArray zip = ZipBuilder().file("index.html", "<h1>shop</h1>").build();
        const HttpReply deployed = api(m_token).send("POST", u"/api/v1/projects/%1/deploys?activate=true"_qs.arg(m_project),
                                                     zip, {{"Content-Type", "application/zip"}});
        QCOMPARE(deployed.status, 201);
    }

    void cleanupTestCase() { m_agent.reset(); }

    void siteLineNamesClientHostPathAndVersion()
    {
        const RawResponse missing = visit("/css/site.css?ddd_share=secret-share-token",
                                          "X-Forwarded-For: 203.0.113.7\r\n");
        QCOMPARE(missing.status, 404);
        QTRY_VERIFY(!lineWhere(u"path"_qs, u"/css/site.css"_qs).isEmpty());
        const QJsonObject line = lineWhere(u"path"_qs, u"/css/site.css"_qs);
        QCOMPARE(line.value(u"category"_qs).toString(), u"ddd.agent.access"_qs);
        QCOMPARE(line.value(u"listener"_qs).toString(), u"site"_qs);
        QCOMPARE(line.value(u"client"_qs).toString(), u"203.0.113.7"_qs);
        QCOMPARE(line.value(u"host"_qs).toString(), u"www.shop.test"_qs);
        QCOMPARE(line.value(u"method"_qs).toString(), u"GET"_qs);
        QCOMPARE(line.value(u"status"_qs).toInt(), 404);
        QVERIFY(line.value(u"bytes"_qs).toInteger() > 0);
        QVERIFY(line.value(u"ms"_qs).isDouble());
        QCOMPARE(line.value(u"protocol"_qs).toString(), u"HTTP/1.1"_qs);
        QCOMPARE(line.value(u"tls"_qs).toBool(true), false);
        QCOMPARE(line.value(u"project"_qs).toInteger(), m_project);
        QCOMPARE(line.value(u"version"_qs).toInt(), 1);
        QCOMPARE(line.value(u"error"_qs).toString(), u"site.not_found"_qs);
        QVERIFY(QDateTime::fromString(line.value(u"time"_qs).toString(), Qt::ISODateWithMs).isValid());
        QVERIFY(!log().contains("secret-share-token"));

        QCOMPARE(visit("/").status, 200);
        QTRY_VERIFY(!lineWhere(u"path"_qs, u"/"_qs).isEmpty());
        QVERIFY(!lineWhere(u"path"_qs, u"/"_qs).contains(u"error"_qs));
        QCOMPARE(lineWhere(u"path"_qs, u"/"_qs).value(u"client"_qs).toString(), u"127.0.0.1"_qs);
    }

    void apiLineShowsTheRoutePatternNeverATokenOrQuery()
    {
        QCOMPARE(api(m_token).get(u"/api/v1/projects/%1?secret-query=1"_qs.arg(m_project)).status, 200);
        QTRY_VERIFY(!lineWhere(u"path"_qs, u"/api/v1/projects/{id}"_qs).isEmpty());
        const QJsonObject line = lineWhere(u"path"_qs, u"/api/v1/projects/{id}"_qs);
        QCOMPARE(line.value(u"listener"_qs).toString(), u"api"_qs);
        QCOMPARE(line.value(u"method"_qs).toString(), u"GET"_qs);
        QCOMPARE(line.value(u"status"_qs).toInt(), 200);

        // A build hook's token is in its path: the line shows the pattern.
        QVERIFY(api({}).post(u"/api/v1/hooks/hook-token-in-path"_qs, QJsonObject()).status >= 400);
        QTRY_VERIFY(!lineWhere(u"path"_qs, u"/api/v1/hooks/{token}"_qs).isEmpty());
        const QByteArray all = log();
        QVERIFY(!all.contains("hook-token-in-path"));
        QVERIFY(!all.contains("secret-query"));
        QVERIFY(!all.contains(m_token.toLatin1()));
    }

    void transportRefusalCarriesItsCode()
    {
        RawTcpClient client;
        QVERIFY(client.connectTo(m_agent->sitePort()));
        QVERIFY(client.send("GET /big HTTP/1.1\r\nHost: www.shop.test\r\nX-Big: " + QByteArray(20000, 'a') + "\r\n\r\n"));
        const auto answer = client.readResponse(10000);
        QVERIFY(answer.has_value());
        QCOMPARE(answer->status, 431);
        QTRY_VERIFY(!lineWhere(u"error"_qs, u"http.header_too_large"_qs).isEmpty());
        const QJsonObject line = lineWhere(u"error"_qs, u"http.header_too_large"_qs);
        QCOMPARE(line.value(u"status"_qs).toInt(), 431);
        QCOMPARE(line.value(u"client"_qs).toString(), u"127.0.0.1"_qs);
    }

    void missingPathsCountsVisitorsNotFound()
    {
        QCOMPARE(visit("/img/logo.png").status, 404);
        QCOMPARE(visit("/img/logo.png?v=2").status, 404);
        QCOMPARE(visit("/old.html").status, 404);
        const HttpReply reply = api(m_token).get(u"/api/v1/projects/%1/missing-paths"_qs.arg(m_project));
        QCOMPARE(reply.status, 200);
        const QJsonArray items = reply.json().value(u"items"_qs).toArray();
        QCOMPARE(items.size(), 3); // with /css/site.css from above
        QCOMPARE(items.at(0).toObject().value(u"path"_qs).toString(), u"/img/logo.png"_qs);
        QCOMPARE(items.at(0).toObject().value(u"count"_qs).toInt(), 2);
        QVERIFY(items.at(0).toObject().value(u"lastSeen"_qs).isString());
        QStringList paths;
        for (const QJsonValue &item : items)
            paths << item.toObject().value(u"path"_qs).toString();
        QVERIFY(paths.contains(u"/old.html"_qs));
        QVERIFY(paths.contains(u"/css/site.css"_qs));
        QCOMPARE(reply.json().value(u"limit"_qs).toInt(), 100);
    }

    void combinedLogReadsLikeApachesVhostCombined()
    {
        QCOMPARE(visit("/?q=secret-in-query", "Referer: https://user:pw@www.shop.test/list?page=secret-ref#top\r\n"
                                              "User-Agent: Probe \"1.0\" \\ x\r\n").status, 200);
        const QRegularExpression expected(
            uR"(^www\.shop\.test:\d+ 127\.0\.0\.1 - - \[\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d \+0000\] )"
            uR"("GET / HTTP/1\.1" 200 \d+ "https://www\.shop\.test/list" "Probe \\"1\.0\\" \\\\ x"$)"_qs,
            QRegularExpression::MultilineOption);
        QTRY_VERIFY2(expected.match(QString::fromUtf8(fileText(combinedPath()))).hasMatch(),
                     fileText(combinedPath()).constData());
        const QByteArray text = fileText(combinedPath());
        QVERIFY(!text.contains("secret"));
        QVERIFY(!text.contains("user:pw"));
        // API requests stay out of the site log.
        QVERIFY(!text.contains("/api/v1"));
    }

    void combinedLogReopensAfterRotation()
    {
        QCOMPARE(visit("/before-rotation").status, 404);
        QTRY_VERIFY(fileText(combinedPath()).contains("/before-rotation"));
        const QString rotated = combinedPath() + u".1"_qs;
        QVERIFY(QFile::rename(combinedPath(), rotated));
        // What SIGHUP does (main.cpp); the process-level signal is in tst_agentcli.
        ddd::agent::CombinedLogFile::reopenAll();
        QCOMPARE(visit("/after-rotation").status, 404);
        QTRY_VERIFY(fileText(combinedPath()).contains("/after-rotation"));
        QVERIFY(!fileText(combinedPath()).contains("/before-rotation"));
        QVERIFY(!fileText(rotated).contains("/after-rotation"));
    }

    void missingPathsBelongToTheOwner()
    {
        const HttpReply foreign = api(m_otherToken).get(u"/api/v1/projects/%1/missing-paths"_qs.arg(m_project));
        QCOMPARE(foreign.status, 404);
        QCOMPARE(foreign.errorCode(), u"project.not_found"_qs);
        const HttpReply anonymous = api({}).get(u"/api/v1/projects/%1/missing-paths"_qs.arg(m_project));
        QCOMPARE(anonymous.status, 401);
        const HttpReply malformed = api(m_token).get(u"/api/v1/projects/abc/missing-paths"_qs);
        QCOMPARE(malformed.status, 404);
        QCOMPARE(malformed.errorCode(), u"project.not_found"_qs);
    }
};

QTEST_GUILESS_MAIN(TestAccessLogs)
#include "tst_accesslogs.moc"
