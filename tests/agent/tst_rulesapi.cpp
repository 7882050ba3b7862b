// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// `_redirects` and `_headers` through the real agent: a broken file refuses
// the deploy (archive and incremental) with 422 and its code, leaving
// nothing behind; the rules go live, roll back and survive a restart with
// their version.
#include "tests/support/agentfixture.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/zipbuilder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QtTest>

using ddd::test::AgentFixture;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::RawResponse;
using ddd::test::RawTcpClient;
using ddd::test::ZipBuilder;

namespace {

const QString kPassword = u"correct horse battery"_qs;

QByteArray sha(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QJsonObject fileEntry(const QString &path, const QByteArray &data)
{
    return {{u"path"_qs, path}, {u"sha256"_qs, QString::fromLatin1(sha(data))}, {u"size"_qs, data.size()}};
}

} // namespace

class TestRulesApi final : public QObject
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

    HttpReply deploy(const QByteArray &zip)
    {
        return api().send("POST", u"/api/v1/projects/%1/deploys?activate=true"_qs.arg(m_project), zip,
                          {{"Content-Type", "application/zip"}});
    }

    // One GET on the site listener, redirects not followed.
    RawResponse site(const QByteArray &target)
    {
        RawTcpClient client;
        if (!client.connectTo(m_agent->sitePort())
            || !client.send("GET " + target + " HTTP/1.1\r\nHost: " + m_host + "\r\n\r\n"))
            return {};
        return client.readResponse(10000).value_or(RawResponse());
    }

    int versionCount() { return int(api().get(u"/api/v1/projects/%1/deploys"_qs.arg(m_project)).items().size()); }

    QStringList stagingLeftovers() const { return m_agent->stagingLeftovers(); }

    static void checkRefusal(const HttpReply &reply, const QString &code, const QString &file, int line)
    {
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.errorCode(), code);
        const QJsonObject error = reply.json().value(u"error"_qs).toObject();
        const QJsonObject details = error.value(u"details"_qs).toObject();
        QCOMPARE(details.value(u"file"_qs).toString(), file);
        QCOMPARE(details.value(u"line"_qs).toInt(), line);
        QVERIFY(error.value(u"message"_qs).toString().startsWith(u"%1:%2: "_qs.arg(file).arg(line)));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_agent = std::make_unique<AgentFixture>();
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"owner@example.com"_qs, kPassword));
        m_token = m_agent->login(u"owner@example.com"_qs, kPassword);
        const HttpReply project = api().post(u"/api/v1/projects"_qs, {{u"name"_qs, u"Site"_qs}});
        m_project = project.json().value(u"id"_qs).toInteger();
        m_host = project.json().value(u"stagingHost"_qs).toString().toLatin1();
        QVERIFY(m_project > 0);
    }

    void cleanupTestCase() { m_agent.reset(); }

    void rulesGoLiveAndRollBackWithTheirVersion()
    {
        const QByteArray v1 = ZipBuilder()
                                  .file("index.html", "v1")
                                  .file("_redirects", "/old /new 301\n/spa/* /index.html 200\n")
                                  .file("_headers", "/*\n  X-Site: one\n")
                                  .build();
        const HttpReply first = deploy(v1);
        QCOMPARE(first.status, 201);
        QCOMPARE(site("/old").status, 301);
        QCOMPARE(site("/old").header("Location"), QByteArray("/new"));
        QCOMPARE(site("/spa/x").body, QByteArray("v1"));
        QCOMPARE(site("/").header("X-Site"), QByteArray("one"));
        QCOMPARE(site("/_redirects").status, 404);

        QCOMPARE(deploy(ZipBuilder().file("index.html", "v2").build()).status, 201);
        QCOMPARE(site("/old").status, 404);
        QVERIFY(site("/").header("X-Site").isNull());

        QCOMPARE(api().post(u"/api/v1/projects/%1/rollback"_qs.arg(m_project), {}).status, 200);
        QCOMPARE(site("/old").header("Location"), QByteArray("/new"));
        QCOMPARE(site("/").header("X-Site"), QByteArray("one"));

        // Start-up rebuilds the live sites with the same code path.
        m_agent->stop();
        QVERIFY(m_agent->start());
        QCOMPARE(site("/old").header("Location"), QByteArray("/new"));
        QCOMPARE(site("/spa/deep/link").body, QByteArray("v1"));
    }

    void brokenArchiveRulesRefuseTheDeploy_data()
    {
        QTest::addColumn<QByteArray>("zip");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::newRow("syntax") << ZipBuilder().file("index.html", "x").file("_redirects", "/a /b\n/c\n").build()
                                << u"rules.invalid_redirects"_qs << u"_redirects"_qs << 2;
        QTest::newRow("country") << ZipBuilder().file("index.html", "x").file("_redirects", "/ /fr 302 Country=fr\n").build()
                                 << u"rules.unsupported_condition"_qs << u"_redirects"_qs << 1;
        QTest::newRow("proxy") << ZipBuilder().file("index.html", "x").file("_redirects", "/api/* https://a.test/:splat 200\n").build()
                               << u"rules.proxy_unsupported"_qs << u"_redirects"_qs << 1;
        QTest::newRow("hop-by-hop header")
            << ZipBuilder().file("index.html", "x").file("_headers", "/*\n  X-A: 1\n  Connection: close\n").build()
            << u"rules.forbidden_header"_qs << u"_headers"_qs << 3;
        QTest::newRow("too large") << ZipBuilder().file("index.html", "x").file("_headers", QByteArray(300 * 1024, '#')).build()
                                   << u"rules.file_too_large"_qs << u"_headers"_qs << 0;
    }

    void brokenArchiveRulesRefuseTheDeploy()
    {
        QFETCH(QByteArray, zip);
        QFETCH(QString, code);
        QFETCH(QString, file);
        QFETCH(int, line);
        const int versionsBefore = versionCount();
        const QByteArray liveBefore = site("/").body;
        const HttpReply refused = deploy(zip);
        if (line > 0) {
            checkRefusal(refused, code, file, line);
        } else {
            QCOMPARE(refused.status, 422);
            QCOMPARE(refused.errorCode(), code);
        }
        QCOMPARE(versionCount(), versionsBefore);
        QCOMPARE(stagingLeftovers(), QStringList());
        QCOMPARE(site("/").body, liveBefore);
    }

    void brokenIncrementalRulesRefuseTheFinalize()
    {
        const QByteArray index = "incremental";
        const QByteArray redirects = "/ok /fine\n/x /y 302 Role=admin\n";
        const HttpReply plan = api().post(u"/api/v1/projects/%1/uploads"_qs.arg(m_project),
                                          {{u"files"_qs, QJsonArray{fileEntry(u"index.html"_qs, index),
                                                                    fileEntry(u"_redirects"_qs, redirects)}}});
        QCOMPARE(plan.status, 201);
        const QString upload = plan.json().value(u"uploadId"_qs).toString();
        for (const QByteArray &blob : {index, redirects})
            QCOMPARE(api().send("PUT", u"/api/v1/uploads/%1/blobs/%2"_qs.arg(upload, QString::fromLatin1(sha(blob))),
                                blob, {{"Content-Type", "application/octet-stream"}})
                         .status,
                     200);
        const int versionsBefore = versionCount();
        const HttpReply refused = api().post(u"/api/v1/uploads/%1/finalize"_qs.arg(upload), {{u"activate"_qs, true}});
        checkRefusal(refused, u"rules.unsupported_condition"_qs, u"_redirects"_qs, 2);
        QCOMPARE(versionCount(), versionsBefore);
        QVERIFY(site("/").body != index);
    }
};

QTEST_GUILESS_MAIN(TestRulesApi)
#include "tst_rulesapi.moc"
