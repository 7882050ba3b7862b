// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Deploys end to end through the real agent: archive uploads, refusals,
// activation, rollback, and what the site listener serves.
#include "tests/support/agentfixture.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/tarbuilder.h"
#include "tests/support/zipbuilder.h"

#include <QDir>
#include <QtTest>

using ddd::test::AgentFixture;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::TarBuilder;
using ddd::test::ZipBuilder;

namespace {
const QString kPassword = u"correct horse battery"_qs;
}

class TestDeploysApi final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    QString m_token;
    qint64 m_project = 0;
    QByteArray m_host;

    HttpTestClient api()
    {
        HttpTestClient http(m_agent->apiPort());
        http.setToken(m_token);
        return http;
    }

    HttpReply upload(const QByteArray &archive, const QString &query = {}, qint64 project = 0)
    {
        return api().send("POST", u"/api/v1/projects/%1/deploys%2"_qs.arg(project ? project : m_project).arg(query),
                          archive, {{"Content-Type", "application/octet-stream"}});
    }

    HttpReply site(const QString &path)
    {
        HttpTestClient http(m_agent->sitePort());
        return http.get(path, m_host);
    }

    int versionCount() { return int(api().get(u"/api/v1/projects/%1/deploys"_qs.arg(m_project)).jsonArray().size()); }

    QStringList stagingLeftovers() const { return m_agent->stagingLeftovers(); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_agent = std::make_unique<AgentFixture>();
        m_agent->config.maxArchiveEntries = 50;
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"owner@example.com"_qs, kPassword));
        m_token = m_agent->login(u"owner@example.com"_qs, kPassword);
        const HttpReply project = api().post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Site"_qs}});
        m_project = project.json().value(u"id"_qs).toInteger();
        m_host = project.json().value(u"stagingHost"_qs).toString().toLatin1();
        QVERIFY(m_project > 0);
    }

    void cleanupTestCase() { m_agent.reset(); }

    void nothingLiveYet()
    {
        QCOMPARE(site(u"/"_qs).status, 404);
    }

    void uploadActivateAndServe()
    {
        const QByteArray zip = ZipBuilder().file("index.html", "<h1>v1</h1>").file("css/a.css", "body{}").build();
        const HttpReply created = upload(zip, u"?activate=true"_qs);
        QCOMPARE(created.status, 201);
        const QJsonObject version = created.json();
        QCOMPARE(version.value(u"number"_qs).toInt(), 1);
        QCOMPARE(version.value(u"status"_qs).toString(), u"live"_qs);
        QCOMPARE(version.value(u"fileCount"_qs).toInt(), 2);
        QCOMPARE(version.value(u"source"_qs).toString(), u"archive"_qs);

        const HttpReply page = site(u"/"_qs);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.body, QByteArray("<h1>v1</h1>"));
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        QCOMPARE(site(u"/css/a.css"_qs).body, QByteArray("body{}"));
        QCOMPARE(site(u"/missing.html"_qs).status, 404);
    }

    // /metrics counts site requests per host that serves a site; any other
    // host goes to the one "unknown" bucket.
    void countsSiteRequestsPerHost()
    {
        QCOMPARE(site(u"/"_qs).status, 200);
        QCOMPARE(HttpTestClient(m_agent->sitePort()).get(u"/"_qs, "nobody.localhost").status, 404);
        const QString text = QString::fromUtf8(api().get(u"/metrics"_qs).body);
        const QString host = QRegularExpression::escape(QString::fromLatin1(m_host));
        QVERIFY2(text.contains(QRegularExpression(u"ddd_site_requests_total\\{host=\"%1\",class=\"2xx\"\\} [1-9]"_qs.arg(host))),
                 qPrintable(text));
        QVERIFY(text.contains(QRegularExpression(u"ddd_site_sent_bytes_total\\{host=\"%1\"\\} [1-9]"_qs.arg(host))));
        QVERIFY(text.contains(QRegularExpression(u"ddd_site_requests_total\\{host=\"unknown\",class=\"4xx\"\\} [1-9]"_qs)));
        QVERIFY(text.contains(u"ddd_site_request_duration_seconds_bucket{host=\"%1\",le=\"+Inf\"}"_qs.arg(QString::fromLatin1(m_host))));
        QVERIFY(!text.contains(u"nobody.localhost"_qs));
    }

    void secondVersionDiffRollbackAndActivate()
    {
        const QByteArray tar = TarBuilder().file("index.html", "<h1>v2</h1>").file("new.txt", "fresh").build();
        const HttpReply created = upload(tar);
        QCOMPARE(created.status, 201);
        const QJsonObject v2 = created.json();
        QCOMPARE(v2.value(u"status"_qs).toString(), u"ready"_qs);
        const QJsonObject diff = v2.value(u"diff"_qs).toObject();
        QCOMPARE(diff.value(u"added"_qs).toInt(), 1);
        QCOMPARE(diff.value(u"changed"_qs).toInt(), 1);
        QCOMPARE(diff.value(u"removed"_qs).toInt(), 1);
        QCOMPARE(site(u"/"_qs).body, QByteArray("<h1>v1</h1>")); // upload only: v1 still live

        const qint64 v2id = v2.value(u"id"_qs).toInteger();
        // A bodyless route takes the "{}" JSON clients send, and refuses
        // anything else before doing anything.
        const QString activate = u"/api/v1/deploys/%1/activate"_qs.arg(v2id);
        const HttpReply withFields = api().send("POST", activate, R"({"go":"live"})", {{"Content-Type", "application/json"}});
        QCOMPARE(withFields.status, 400);
        QCOMPARE(withFields.errorCode(), u"request.unexpected_body"_qs);
        QCOMPARE(api().send("POST", activate, QByteArray(100, ' ')).status, 413);
        QCOMPARE(site(u"/"_qs).body, QByteArray("<h1>v1</h1>"));
        QCOMPARE(api().send("POST", activate, "{}", {{"Content-Type", "application/json"}}).status, 200);
        QCOMPARE(site(u"/"_qs).body, QByteArray("<h1>v2</h1>"));
        QCOMPARE(site(u"/new.txt"_qs).body, QByteArray("fresh"));

        const HttpReply back = api().post(u"/api/v1/projects/%1/rollback"_qs.arg(m_project), {});
        QCOMPARE(back.status, 200);
        QCOMPARE(back.json().value(u"number"_qs).toInt(), 1);
        QCOMPARE(site(u"/"_qs).body, QByteArray("<h1>v1</h1>"));
        QCOMPARE(site(u"/new.txt"_qs).status, 404);

        const HttpReply forward = api().post(u"/api/v1/projects/%1/rollback"_qs.arg(m_project), {{u"deployId"_qs, v2id}});
        QCOMPARE(forward.status, 200);
        QCOMPARE(site(u"/"_qs).body, QByteArray("<h1>v2</h1>"));

        const HttpReply detail = api().get(u"/api/v1/deploys/%1"_qs.arg(v2id));
        QCOMPARE(detail.json().value(u"files"_qs).toArray().size(), 2);
        QCOMPARE(api().del(u"/api/v1/deploys/%1"_qs.arg(v2id)).errorCode(), u"deploy.is_live"_qs);
    }

    void domainChangeMovesTheLiveSite()
    {
        const QString path = u"/api/v1/projects/%1"_qs.arg(m_project);
        QCOMPARE(api().patch(path, {{u"domain"_qs, u"www.moved.test"_qs}}).status, 200);
        HttpTestClient http(m_agent->sitePort());
        QCOMPARE(http.get(u"/"_qs, "www.moved.test").status, 200);
        QCOMPARE(api().patch(path, {{u"domain"_qs, u"www.elsewhere.test"_qs}}).status, 200);
        QCOMPARE(http.get(u"/"_qs, "www.moved.test").status, 404);
        QCOMPARE(http.get(u"/"_qs, "www.elsewhere.test").status, 200);
        QCOMPARE(http.get(u"/"_qs, m_host).status, 200); // the staging host stays
    }

    void refusedArchivesLeaveNoTrace_data()
    {
        QTest::addColumn<QByteArray>("archive");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("traversal") << ZipBuilder().file("../evil.html", "x").build() << 400 << u"archive.path_traversal"_qs;
        QTest::newRow("absolute") << TarBuilder().file("/etc/passwd", "x").build() << 400 << u"archive.path_traversal"_qs;
        QTest::newRow("symlink") << TarBuilder().file("index.html", "x").symlink("link", "/etc/passwd").build() << 400
                                 << u"archive.link_entry"_qs;
        QTest::newRow("duplicate") << TarBuilder().file("a.html", "1").file("a.html", "2").build() << 400
                                   << u"archive.duplicate_entry"_qs;
        QTest::newRow("bad crc") << ZipBuilder().add({"index.html", "hello", false, 0100644, 0xdeadbeef}).build() << 400
                                 << u"archive.corrupt"_qs;
        QTest::newRow("truncated") << ZipBuilder().file("index.html", QByteArray(5000, 'a'), false).build().chopped(10) << 400
                                   << u"archive.corrupt"_qs;
        TarBuilder many;
        for (int i = 0; i < 60; ++i)
            many.file("f" + QByteArray::number(i), "x");
        QTest::newRow("too many entries") << many.build() << 413 << u"archive.too_large"_qs;
        QTest::newRow("not an archive") << QByteArray("plain text, no archive") << 415 << u"archive.unsupported_format"_qs;
        QTest::newRow("empty body") << QByteArray() << 400 << u"archive.empty"_qs;
    }

    void refusedArchivesLeaveNoTrace()
    {
        QFETCH(QByteArray, archive);
        QFETCH(int, status);
        QFETCH(QString, code);
        const int before = versionCount();
        const QByteArray liveBefore = site(u"/"_qs).body;
        const HttpReply reply = upload(archive, u"?activate=true"_qs);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.errorCode(), code);
        QCOMPARE(versionCount(), before);
        QCOMPARE(site(u"/"_qs).body, liveBefore);
        QCOMPARE(stagingLeftovers(), QStringList());
    }

    void oversizeUploadRefusedBeforeReading()
    {
        ddd::test::RawTcpClient raw;
        QVERIFY(raw.connectTo(m_agent->apiPort()));
        QVERIFY(raw.send("POST /api/v1/projects/" + QByteArray::number(m_project) + "/deploys HTTP/1.1\r\nHost: a\r\n"
                         "Authorization: Bearer " + m_token.toLatin1() + "\r\nContent-Length: 999999999999\r\n\r\n"));
        const auto answer = raw.readResponse();
        QVERIFY(answer.has_value());
        QCOMPARE(answer->status, 413);
        QCOMPARE(stagingLeftovers(), QStringList());
    }

    void otherUsersCannotDeploy()
    {
        QVERIFY(m_agent->addUser(u"mallory@example.com"_qs, kPassword));
        HttpTestClient mallory(m_agent->apiPort());
        mallory.setToken(m_agent->login(u"mallory@example.com"_qs, kPassword));
        const QByteArray zip = ZipBuilder().file("index.html", "pwned").build();
        const HttpReply reply = mallory.send("POST", u"/api/v1/projects/%1/deploys?activate=true"_qs.arg(m_project), zip);
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorCode(), u"project.not_found"_qs);
        QCOMPARE(mallory.get(u"/api/v1/projects/%1/deploys"_qs.arg(m_project)).status, 404);
        QVERIFY(site(u"/"_qs).body != QByteArray("pwned"));
    }

    void deployTokenWorksLikeCurl()
    {
        const HttpReply token = api().post(u"/api/v1/tokens"_qs, {{u"name"_qs, u"ci"_qs},
                                                                  {u"capabilities"_qs, QJsonArray{u"deploy"_qs, u"activate"_qs}},
                                                                  {u"projectId"_qs, m_project}});
        QCOMPARE(token.status, 201);
        HttpTestClient ci(m_agent->apiPort());
        ci.setToken(token.json().value(u"secret"_qs).toString());
        const QByteArray zip = ZipBuilder().file("index.html", "<h1>from ci</h1>").build();
        const HttpReply reply = ci.send("POST", u"/api/v1/projects/%1/deploys?activate=true"_qs.arg(m_project), zip,
                                        {{"Content-Type", "application/zip"}});
        QCOMPARE(reply.status, 201);
        QCOMPARE(site(u"/"_qs).body, QByteArray("<h1>from ci</h1>"));
        QCOMPARE(ci.get(u"/api/v1/projects/%1/deploys"_qs.arg(m_project)).errorCode(), u"auth.forbidden"_qs); // no read
    }
};

QTEST_GUILESS_MAIN(TestDeploysApi)
#include "tst_deploysapi.moc"
