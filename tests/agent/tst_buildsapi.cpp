// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Sources and builds over real sockets with the agent's own engine (plain
// sites): archive and incremental source uploads, a build served on the
// staging host, hooks, and every refusal with its code and nothing left.
#include "tests/agent/buildtestkit.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/zipbuilder.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QtTest>

using namespace ddd::test;

namespace {

const QString kPassword = u"correct horse battery"_qs;

QJsonObject fileEntry(const QString &path, const QByteArray &data)
{
    return {{u"path"_qs, path},
            {u"sha256"_qs, QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex())},
            {u"size"_qs, data.size()}};
}

} // namespace

class TestBuildsApi final : public QObject
{
    Q_OBJECT

    std::unique_ptr<AgentFixture> m_agent;
    std::unique_ptr<BuildApi> m_api;
    QString m_token;

    QString scopedToken(const QJsonArray &capabilities)
    {
        const HttpReply token = m_api->client().post(u"/api/v1/tokens"_qs, {{u"name"_qs, u"ci"_qs},
                                                                           {u"capabilities"_qs, capabilities}});
        return token.json().value(u"secret"_qs).toString();
    }

    // The work folder goes right after the build is recorded finished.
    QStringList leftovers() const { return m_agent->uploadAndBuildLeftovers(); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_agent = std::make_unique<AgentFixture>();
        QVERIFY(m_agent->start());
        QVERIFY(m_agent->addUser(u"owner@example.com"_qs, kPassword));
        m_token = m_agent->login(u"owner@example.com"_qs, kPassword);
        m_api = std::make_unique<BuildApi>(*m_agent, m_token);
    }

    void cleanupTestCase()
    {
        m_api.reset();
        m_agent.reset();
    }

    void plainSourceIsBuiltAndServed()
    {
        QByteArray host;
        const qint64 project = m_api->createProject(u"Plain"_qs, &host);
        const HttpReply upload = m_api->uploadSource(project, BuildApi::siteZip("<h1>built</h1>"), u"?build=1&activate=1"_qs);
        QCOMPARE(upload.status, 201);
        const QJsonObject source = upload.json().value(u"source"_qs).toObject();
        QCOMPARE(source.value(u"detection"_qs).toObject().value(u"generator"_qs).toString(), u"plain"_qs);
        QCOMPARE(source.value(u"fileCount"_qs).toInt(), 2);
        const qint64 build = upload.json().value(u"build"_qs).toObject().value(u"id"_qs).toInteger();
        QCOMPARE(upload.json().value(u"build"_qs).toObject().value(u"trigger"_qs).toString(), u"upload"_qs);
        const QJsonObject done = m_api->waitFor(build, u"succeeded"_qs);
        QCOMPARE(done.value(u"status"_qs).toString(), u"succeeded"_qs);
        const qint64 versionId = done.value(u"versionId"_qs).toInteger();
        const QJsonObject version = m_api->client().get(u"/api/v1/deploys/%1"_qs.arg(versionId)).json();
        QCOMPARE(version.value(u"source"_qs).toString(), u"build"_qs);
        QCOMPARE(version.value(u"projectId"_qs).toInteger(), project);
        QCOMPARE(version.value(u"status"_qs).toString(), u"live"_qs);
        QCOMPARE(version.value(u"buildId"_qs).toInteger(), build);
        QCOMPARE(version.value(u"sourceId"_qs).toInteger(), source.value(u"id"_qs).toInteger());
        const HttpReply served = HttpTestClient(m_agent->sitePort()).get(u"/"_qs, host);
        QCOMPARE(served.status, 200);
        QCOMPARE(served.body, QByteArray("<h1>built</h1>"));
        QVERIFY(m_api->client().get(u"/api/v1/builds/%1/log"_qs.arg(build)).body.contains("== storing the site as a version"));
        QTRY_COMPARE_WITH_TIMEOUT(leftovers(), QStringList(), 10000);
    }

    // The real engine and sandbox: a Hugo source in, a served version out.
    void hugoSourceIsBuiltThroughTheApi()
    {
        QByteArray host;
        const qint64 project = m_api->createProject(u"Hugo"_qs, &host);
        const QByteArray zip = ZipBuilder()
                                   .file("hugo.toml", "baseURL = 'https://example.org/'\ntitle = 'Hugo API'\n")
                                   .file("layouts/index.html", "<html><body><h1>{{ .Site.Title }}</h1>{{ .Content }}</body></html>\n")
                                   .file("content/_index.md", "---\ntitle: Home\n---\nHello from *Hugo*.\n")
                                   .build();
        const HttpReply upload = m_api->uploadSource(project, zip, u"?build=1&activate=1"_qs);
        QCOMPARE(upload.status, 201);
        const QJsonObject detection = upload.json().value(u"source"_qs).toObject().value(u"detection"_qs).toObject();
        QCOMPARE(detection.value(u"generator"_qs).toString(), u"hugo"_qs);
        const qint64 build = upload.json().value(u"build"_qs).toObject().value(u"id"_qs).toInteger();
        const QJsonObject done = m_api->waitFor(build, u"succeeded"_qs, 180000);
        QVERIFY2(done.value(u"status"_qs).toString() == u"succeeded"_qs, QJsonDocument(done).toJson());
        QVERIFY(!done.value(u"phases"_qs).toArray().isEmpty());
        const HttpReply served = HttpTestClient(m_agent->sitePort()).get(u"/"_qs, host);
        QCOMPARE(served.status, 200);
        QVERIFY2(served.body.contains("Hugo API") && served.body.contains("Hello from"), served.body);
        QTRY_COMPARE_WITH_TIMEOUT(leftovers(), QStringList(), 10000);
    }

    void sourceListsAndRootRulesAreNotSiteRules()
    {
        const qint64 project = m_api->createProject(u"Rules"_qs);
        const QByteArray zip = ZipBuilder().file("index.html", "x").file("_redirects", "this is not a rule line at all").build();
        const HttpReply upload = m_api->uploadSource(project, zip);
        QCOMPARE(upload.status, 201);
        const qint64 id = upload.json().value(u"id"_qs).toInteger();
        QCOMPARE(m_api->client().get(u"/api/v1/sources/%1"_qs.arg(id)).json().value(u"id"_qs).toInteger(), id);
        QCOMPARE(m_api->client().get(u"/api/v1/projects/%1/sources"_qs.arg(project)).items().size(), 1);
        QCOMPARE(m_api->client().get(u"/api/v1/sources/999999"_qs).errorCode(), u"source.not_found"_qs);
    }

    void incrementalSourceUpload()
    {
        const qint64 project = m_api->createProject(u"Incremental"_qs);
        const QByteArray index = "<h1>incremental source</h1>";
        const HttpReply plan = m_api->client().post(u"/api/v1/projects/%1/uploads"_qs.arg(project),
                                                    {{u"kind"_qs, u"source"_qs},
                                                     {u"files"_qs, QJsonArray{fileEntry(u"index.html"_qs, index)}}});
        QCOMPARE(plan.status, 201);
        const QString upload = plan.json().value(u"uploadId"_qs).toString();
        const QString hash = plan.json().value(u"missing"_qs).toArray().first().toString();
        const QString blob = u"/api/v1/uploads/%1/blobs/%2"_qs.arg(upload, hash);
        // Half, then the rest from the offset the agent reports.
        QCOMPARE(m_api->client().send("PUT", blob, index.left(10), {{"Content-Range", "bytes 0-9/27"}}).status, 200);
        QCOMPARE(m_api->client().get(blob).json().value(u"received"_qs).toInt(), 10);
        QCOMPARE(m_api->client().send("PUT", blob, index.mid(10), {{"Content-Range", "bytes 10-26/27"}}).status, 200);
        const HttpReply done = m_api->client().post(u"/api/v1/uploads/%1/finalize"_qs.arg(upload), {{u"build"_qs, true}});
        QCOMPARE(done.status, 201);
        QCOMPARE(done.json().value(u"source"_qs).toObject().value(u"fileCount"_qs).toInt(), 1);
        const qint64 build = done.json().value(u"build"_qs).toObject().value(u"id"_qs).toInteger();
        QCOMPARE(m_api->waitFor(build, u"succeeded"_qs).value(u"status"_qs).toString(), u"succeeded"_qs);
        // A source session is not a version: no version but the built one.
        QCOMPARE(m_api->client().get(u"/api/v1/projects/%1/deploys"_qs.arg(project)).items().size(), 1);
    }

    void buildWithoutSourceIsRefused()
    {
        const qint64 project = m_api->createProject(u"Empty"_qs);
        const HttpReply reply = m_api->client().post(u"/api/v1/projects/%1/builds"_qs.arg(project), {});
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorCode(), u"source.not_found"_qs);
        QCOMPARE(m_api->client().get(u"/api/v1/projects/%1/builds"_qs.arg(project)).items().size(), 0);
        QCOMPARE(m_api->client().get(u"/api/v1/builds/999999"_qs).errorCode(), u"build.not_found"_qs);
    }

    void undetectedSourceFailsTheBuildNotTheUpload()
    {
        const qint64 project = m_api->createProject(u"Undetected"_qs);
        const HttpReply upload = m_api->uploadSource(project, ZipBuilder().file("notes.txt", "hello").build(), u"?build=1"_qs);
        QCOMPARE(upload.status, 201);
        QCOMPARE(upload.json().value(u"source"_qs).toObject().value(u"detectionError"_qs).toObject()
                     .value(u"code"_qs).toString(), u"build.undetected"_qs);
        const qint64 build = upload.json().value(u"build"_qs).toObject().value(u"id"_qs).toInteger();
        const QJsonObject failed = m_api->waitFor(build, u"failed"_qs);
        QCOMPARE(failed.value(u"error"_qs).toObject().value(u"code"_qs).toString(), u"build.undetected"_qs);
        QVERIFY(failed.value(u"versionId"_qs).isNull());
        QCOMPARE(m_api->client().post(u"/api/v1/builds/%1/cancel"_qs.arg(build), {}).errorCode(),
                 u"build.not_cancellable"_qs);
        QTRY_COMPARE_WITH_TIMEOUT(leftovers(), QStringList(), 10000);
    }

    void scopedTokenWithoutBuildIsRefused()
    {
        const qint64 project = m_api->createProject(u"Scoped"_qs);
        HttpTestClient ci(m_agent->apiPort());
        ci.setToken(scopedToken({u"deploy"_qs, u"read"_qs}));
        const HttpReply upload = ci.send("POST", u"/api/v1/projects/%1/sources"_qs.arg(project),
                                         BuildApi::siteZip("x"), {{"Content-Type", "application/zip"}});
        QCOMPARE(upload.status, 403);
        QCOMPARE(upload.errorCode(), u"auth.forbidden"_qs);
        QCOMPARE(ci.post(u"/api/v1/projects/%1/builds"_qs.arg(project), {}).errorCode(), u"auth.forbidden"_qs);
        QCOMPARE(ci.post(u"/api/v1/projects/%1/build-hooks"_qs.arg(project), {{u"name"_qs, u"x"_qs}}).errorCode(),
                 u"auth.forbidden"_qs);
        QCOMPARE(m_api->client().get(u"/api/v1/projects/%1/sources"_qs.arg(project)).items().size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(leftovers(), QStringList(), 10000);
    }

    // The answer comes while the body is still unsent: it was never read.
    void activateWithoutCapabilityIsRefusedBeforeTheBody()
    {
        const qint64 project = m_api->createProject(u"NoActivate"_qs);
        const QString token = scopedToken({u"build"_qs, u"read"_qs});
        RawTcpClient raw;
        QVERIFY(raw.connectTo(m_agent->apiPort()));
        QVERIFY(raw.send("POST /api/v1/projects/" + QByteArray::number(project) + "/sources?build=1&activate=1 HTTP/1.1\r\n"
                         "Host: 127.0.0.1\r\nAuthorization: Bearer " + token.toLatin1() + "\r\n"
                         "Content-Type: application/zip\r\nContent-Length: 1000000\r\n\r\n"));
        const auto reply = raw.readResponse(5000);
        QVERIFY(reply);
        QCOMPARE(reply->status, 403);
        QCOMPARE(reply->errorCode(), u"auth.forbidden"_qs);
        QCOMPARE(m_api->client().get(u"/api/v1/projects/%1/sources"_qs.arg(project)).items().size(), 0);
        QCOMPARE(m_api->client().get(u"/api/v1/projects/%1/builds"_qs.arg(project)).items().size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(leftovers(), QStringList(), 10000);
    }

    void hooksCreateListTriggerRevokeAndThrottle()
    {
        const qint64 project = m_api->createProject(u"Hooked"_qs);
        QCOMPARE(m_api->uploadSource(project, BuildApi::siteZip("<p>hook</p>")).status, 201);
        const HttpReply created = m_api->client().post(u"/api/v1/projects/%1/build-hooks"_qs.arg(project), {{u"name"_qs, u"cms"_qs}});
        QCOMPARE(created.status, 201);
        const QString url = created.json().value(u"url"_qs).toString();
        const QString path = QUrl(url).path();
        QVERIFY(path.startsWith(u"/api/v1/hooks/ddh_"_qs));
        const QJsonArray listed = m_api->client().get(u"/api/v1/projects/%1/build-hooks"_qs.arg(project)).jsonArray();
        QCOMPARE(listed.size(), 1);
        QVERIFY(!listed.first().toObject().contains(u"url"_qs));

        HttpTestClient anonymous(m_agent->apiPort());
        const HttpReply first = anonymous.send("POST", path);
        QVERIFY2(first.status == 202, first.body);
        QCOMPARE(first.json().value(u"trigger"_qs).toString(), u"hook"_qs);
        m_api->waitFor(first.json().value(u"id"_qs).toInteger(), u"succeeded"_qs);
        for (int i = 0; i < 4; ++i)
            QVERIFY(anonymous.send("POST", path).status < 300);
        const HttpReply throttled = anonymous.send("POST", path);
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.errorCode(), u"hook.throttled"_qs);
        QCOMPARE(throttled.header("Retry-After"), QByteArray("60")); // the fake clock stands still
        m_agent->clock.advanceMs(60 * 1000);

        QCOMPARE(anonymous.send("POST", u"/api/v1/hooks/ddh_unknown"_qs).errorCode(), u"hook.not_found"_qs);
        const qint64 hook = created.json().value(u"id"_qs).toInteger();
        QCOMPARE(m_api->client().del(u"/api/v1/build-hooks/%1"_qs.arg(hook)).status, 204);
        QCOMPARE(anonymous.send("POST", path).status, 404);
        QCOMPARE(m_api->client().del(u"/api/v1/build-hooks/%1"_qs.arg(hook)).errorCode(), u"hook.not_found"_qs);
    }
};

QTEST_GUILESS_MAIN(TestBuildsApi)
#include "tst_buildsapi.moc"
