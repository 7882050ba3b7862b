// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The builds API from the client's side against a stub agent: sources,
// builds, their log (text and live stream) and build hooks.
#include "core/client/apiclient.h"
#include "core/client/buildlogstream.h"
#include "core/client/resumableupload.h"
#include "tests/support/jsonfixture.h"
#include "tests/support/stubhttpserver.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <optional>

using namespace ddd::core;
using namespace ddd::core::client;
using ddd::test::JsonFixture;
using ddd::test::StubHttpServer;
using Response = StubHttpServer::Response;

namespace {

template<typename T>
struct Outcome
{
    std::optional<Result<T>> result;
    Callback<T> callback()
    {
        return [this](Result<T> r) { result.emplace(std::move(r)); };
    }
};

const QString StreamPath = u"/api/v1/builds/31/log/stream"_qs;

QByteArray lineEvent(const QByteArray &line)
{
    return "event: line\ndata: " + line + "\n\n";
}

QByteArray endEvent()
{
    QJsonObject build = JsonFixture::json(u"api/build-running.json"_qs).toObject();
    build.insert(u"status"_qs, u"succeeded"_qs);
    build.insert(u"versionId"_qs, 44);
    // Pretty-printed on purpose: several data lines make one event.
    QByteArray data = QJsonDocument(build).toJson(QJsonDocument::Indented).trimmed();
    data.replace("\n", "\ndata: ");
    return "event: end\ndata: " + data + "\n\n";
}

QJsonObject bodyOf(const StubHttpServer::Request &request)
{
    return QJsonDocument::fromJson(request.body).object();
}

} // namespace

class TestBuildClient final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void buildsAreListedWithEverythingTheTabShows()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        const QJsonArray list{JsonFixture::json(u"api/build-running.json"_qs), JsonFixture::json(u"api/build-succeeded.json"_qs)};
        server.on("GET", u"/api/v1/projects/7/builds"_qs,
                  Response::json(200, QJsonDocument(QJsonObject{{u"items"_qs, list}, {u"nextCursor"_qs, QJsonValue::Null}}).toJson()));
        ApiClient client(server.url());
        Outcome<QList<RemoteBuild>> builds;
        client.builds().listBuilds(7, this, builds.callback());
        QTRY_VERIFY(builds.result);
        QVERIFY((*builds.result).ok());
        const QList<RemoteBuild> &got = **builds.result;
        QCOMPARE(got.size(), 2);
        QCOMPARE(got[0].status, RemoteBuild::Status::Running);
        QVERIFY(got[0].isActive());
        QCOMPARE(got[0].detection->generator, build::Generator::Hugo);
        QCOMPARE(got[0].versionId, std::nullopt);
        QCOMPARE(got[1].status, RemoteBuild::Status::Succeeded);
        QCOMPARE(got[1].trigger, u"hook"_qs);
        QCOMPARE(got[1].durationMs, 4600);
        QCOMPARE(got[1].versionId, 43);
        QCOMPARE(got[1].phases.size(), 2);
        QCOMPARE(got[1].phases[0].exitCode, 0);
    }

    void unknownStatusIsUnexpectedJson()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        QJsonObject odd = JsonFixture::json(u"api/build-running.json"_qs).toObject();
        odd.insert(u"status"_qs, u"exploded"_qs);
        server.on("GET", u"/api/v1/builds/31"_qs, Response::json(200, QJsonDocument(odd).toJson()));
        ApiClient client(server.url());
        Outcome<RemoteBuild> build;
        client.builds().getBuild(31, this, build.callback());
        QTRY_VERIFY(build.result);
        QCOMPARE((*build.result).error().code, u"wire.unexpected_json"_qs);
    }

    void rebuildPostsTheSourceAndActivation()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        server.on("POST", u"/api/v1/projects/7/builds"_qs, Response::json(202, JsonFixture::bytes(u"api/build-running.json"_qs)));
        ApiClient client(server.url());
        Outcome<RemoteBuild> build;
        client.builds().startBuild(7, 12, true, this, build.callback());
        QTRY_VERIFY(build.result);
        QCOMPARE((**build.result).id, 31);
        QCOMPARE(bodyOf(server.requests().last()), (QJsonObject{{u"sourceId"_qs, 12}, {u"activate"_qs, true}}));
        Outcome<RemoteBuild> newest;
        client.builds().startBuild(7, std::nullopt, std::nullopt, this, newest.callback());
        QTRY_VERIFY(newest.result);
        QCOMPARE(bodyOf(server.requests().last()), QJsonObject());
    }

    void cancelOfAFinishedBuildKeepsItsCode()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        server.on("POST", u"/api/v1/builds/31/cancel"_qs, Response::json(200, JsonFixture::bytes(u"api/build-running.json"_qs)));
        server.on("POST", u"/api/v1/builds/31/cancel"_qs,
                  Response::error(409, u"build.not_cancellable"_qs, u"The build has finished"_qs));
        ApiClient client(server.url());
        Outcome<RemoteBuild> first;
        client.builds().cancelBuild(31, this, first.callback());
        QTRY_VERIFY(first.result);
        QVERIFY((*first.result).ok());
        Outcome<RemoteBuild> second;
        client.builds().cancelBuild(31, this, second.callback());
        QTRY_VERIFY(second.result);
        QCOMPARE((*second.result).error().code, u"build.not_cancellable"_qs);
    }

    void logTailIsText()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        server.on("GET", u"/api/v1/builds/31/log"_qs, Response{200, "Start building sites …\nTotal in 42 ms\n",
                                                                 {{"Content-Type", "text/plain; charset=utf-8"}}});
        ApiClient client(server.url());
        Outcome<QString> log;
        client.builds().buildLog(31, 2, this, log.callback());
        QTRY_VERIFY(log.result);
        QCOMPARE(**log.result, u"Start building sites …\nTotal in 42 ms\n"_qs);
        QCOMPARE(server.requests().last().query, u"tail=2"_qs);
    }

    void logStreamDeliversLinesThenTheFinishedBuild()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        server.on("GET", StreamPath, Response::eventStream(lineEvent("one") + lineEvent("two")));
        ApiClient client(server.url());
        BuildLogStream *stream = client.builds().streamBuildLog(31, this);
        QSignalSpy lines(stream, &BuildLogStream::lines);
        std::optional<Result<RemoteBuild>> ended;
        connect(stream, &BuildLogStream::ended, this, [&ended](const Result<RemoteBuild> &r) { ended.emplace(r); });
        QTRY_COMPARE(server.openStreams(StreamPath), 1);
        QCOMPARE(server.requests().last().headers.value("accept"), QByteArray("text/event-stream"));
        QTRY_VERIFY(!lines.isEmpty());
        // A line split across two writes, then the end in the same write as a line.
        server.push(StreamPath, "event: line\ndata: thr");
        server.push(StreamPath, "ee\n\n");
        server.push(StreamPath, lineEvent("four") + endEvent());
        QTRY_VERIFY(ended);
        QStringList all;
        for (const QList<QVariant> &batch : lines)
            all += batch.first().toStringList();
        QCOMPARE(all, (QStringList{u"one"_qs, u"two"_qs, u"three"_qs, u"four"_qs}));
        const Result<RemoteBuild> &build = *ended;
        QVERIFY(build.ok());
        QCOMPARE(build->status, RemoteBuild::Status::Succeeded);
        QCOMPARE(build->versionId, 44);
        QVERIFY(!stream->isRunning());
        server.closeStreams(StreamPath);
    }

    void streamCutShortIsANetworkError()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        server.on("GET", StreamPath, Response::eventStream(lineEvent("one")));
        ApiClient client(server.url());
        BuildLogStream *stream = client.builds().streamBuildLog(31, this);
        std::optional<Result<RemoteBuild>> ended;
        connect(stream, &BuildLogStream::ended, this, [&ended](const Result<RemoteBuild> &r) { ended.emplace(r); });
        QTRY_COMPARE(server.openStreams(StreamPath), 1);
        server.closeStreams(StreamPath);
        QTRY_VERIFY(ended);
        QCOMPARE(ended->error().code, u"client.network"_qs);
    }

    void streamRefusalKeepsItsCode()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        server.on("GET", StreamPath, Response::error(404, u"build.not_found"_qs, u"No such build"_qs));
        ApiClient client(server.url());
        BuildLogStream *stream = client.builds().streamBuildLog(31, this);
        std::optional<Result<RemoteBuild>> ended;
        connect(stream, &BuildLogStream::ended, this, [&ended](const Result<RemoteBuild> &r) { ended.emplace(r); });
        QTRY_VERIFY(ended);
        QCOMPARE(ended->error().code, u"build.not_found"_qs);
    }

    void cancelledStreamSaysSo()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        server.on("GET", StreamPath, Response::eventStream(lineEvent("one")));
        ApiClient client(server.url());
        BuildLogStream *stream = client.builds().streamBuildLog(31, this);
        QSignalSpy lines(stream, &BuildLogStream::lines);
        std::optional<Result<RemoteBuild>> ended;
        connect(stream, &BuildLogStream::ended, this, [&ended](const Result<RemoteBuild> &r) { ended.emplace(r); });
        QTRY_COMPARE(lines.size(), 1);
        stream->cancel();
        QTRY_VERIFY(ended);
        QCOMPARE(ended->error().code, u"client.cancelled"_qs);
    }

    void sourceUploadAsksForABuild()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        const QByteArray content = "baseURL = 'https://example.com/'\n";
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
        const QJsonObject plan{{u"uploadId"_qs, u"s-1"_qs}, {u"missing"_qs, QJsonArray{sha}}, {u"bytesToSend"_qs, content.size()},
                               {u"diff"_qs, QJsonObject{{u"added"_qs, 1}, {u"changed"_qs, 0}, {u"removed"_qs, 0},
                                                        {u"bytesAdded"_qs, content.size()}, {u"bytesRemoved"_qs, 0}}}};
        const QJsonObject source{{u"id"_qs, 12}, {u"projectId"_qs, 7}, {u"number"_qs, 2}, {u"fileCount"_qs, 1},
                                 {u"totalBytes"_qs, content.size()}, {u"createdAt"_qs, qint64(1764600000000)},
                                 {u"authorEmail"_qs, u"maria@example.com"_qs}, {u"detection"_qs, QJsonValue::Null},
                                 {u"detectionError"_qs, QJsonValue::Null}};
        const QJsonObject answer{{u"source"_qs, source}, {u"build"_qs, JsonFixture::json(u"api/build-running.json"_qs)}};
        server.on("POST", u"/api/v1/projects/7/uploads"_qs, Response::json(201, QJsonDocument(plan).toJson()));
        server.on("PUT", u"/api/v1/uploads/s-1/blobs/"_qs + sha, Response::json(204, {}));
        server.on("POST", u"/api/v1/uploads/s-1/finalize"_qs, Response::json(201, QJsonDocument(answer).toJson()));
        ApiClient client(server.url());
        model::VersionFile file;
        file.path = u"hugo.toml"_qs;
        file.sha256 = sha;
        file.size = content.size();
        ResumableUpload upload(client, 7, {file}, [content](const QString &) {
            auto buffer = std::make_unique<QBuffer>();
            buffer->setData(content);
            buffer->open(QIODevice::ReadOnly);
            return std::unique_ptr<QIODevice>(std::move(buffer));
        });
        std::optional<Result<SourceBuild>> done;
        connect(&upload, &ResumableUpload::sourceFinished, this, [&done](const Result<SourceBuild> &r) { done.emplace(r); });
        QSignalSpy siteDone(&upload, &ResumableUpload::finished);
        upload.startSource(true);
        QTRY_VERIFY(done);
        QCOMPARE(siteDone.size(), 0);
        const Result<SourceBuild> &result = *done;
        QVERIFY(result.ok());
        QCOMPARE(result->source.id, 12);
        QCOMPARE(result->build->id, 31);
        QCOMPARE(bodyOf(server.requests().first())[u"kind"_qs].toString(), u"source"_qs);
        QCOMPARE(bodyOf(server.requests().last()), (QJsonObject{{u"build"_qs, true}, {u"activate"_qs, true}}));
    }

    void hooksAreCreatedListedAndRevoked()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        const QJsonObject created{{u"id"_qs, 5}, {u"name"_qs, u"CMS"_qs},
                                  {u"url"_qs, u"https://deploy.example.com/api/v1/hooks/abc123"_qs},
                                  {u"createdAt"_qs, qint64(1764600000000)}, {u"lastUsedAt"_qs, QJsonValue::Null}};
        QJsonObject listed = created;
        listed.remove(u"url"_qs);
        server.on("POST", u"/api/v1/projects/7/build-hooks"_qs, Response::json(201, QJsonDocument(created).toJson()));
        server.on("GET", u"/api/v1/projects/7/build-hooks"_qs, Response::json(200, QJsonDocument(QJsonArray{listed}).toJson()));
        server.on("DELETE", u"/api/v1/build-hooks/5"_qs, Response::json(204, {}));
        server.on("DELETE", u"/api/v1/build-hooks/6"_qs, Response::error(404, u"hook.not_found"_qs, u"No such hook"_qs));
        ApiClient client(server.url());
        Outcome<BuildHook> hook;
        client.builds().createBuildHook(7, u"CMS"_qs, this, hook.callback());
        QTRY_VERIFY(hook.result);
        QCOMPARE((**hook.result).url.path(), u"/api/v1/hooks/abc123"_qs);
        QCOMPARE(bodyOf(server.requests().last()), (QJsonObject{{u"name"_qs, u"CMS"_qs}}));
        Outcome<QList<BuildHook>> hooks;
        client.builds().listBuildHooks(7, this, hooks.callback());
        QTRY_VERIFY(hooks.result);
        QCOMPARE((**hooks.result).size(), 1);
        QVERIFY((**hooks.result).first().url.isEmpty());
        Outcome<void> revoked;
        client.builds().revokeBuildHook(5, this, revoked.callback());
        QTRY_VERIFY(revoked.result);
        QVERIFY((*revoked.result).ok());
        Outcome<void> unknown;
        client.builds().revokeBuildHook(6, this, unknown.callback());
        QTRY_VERIFY(unknown.result);
        QCOMPARE((*unknown.result).error().code, u"hook.not_found"_qs);
    }
};

QTEST_GUILESS_MAIN(TestBuildClient)
#include "tst_buildclient.moc"
