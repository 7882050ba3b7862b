// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/apiclient.h"
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

const QByteArray IndexBytes = "<h1>hello world</h1>";
const QByteArray StyleBytes = "body{}";
const QString IndexHash = u"1111111111111111111111111111111111111111111111111111111111111111"_qs;
const QString StyleHash = u"2222222222222222222222222222222222222222222222222222222222222222"_qs;

QByteArray planJson(const QString &uploadId, const QStringList &missing)
{
    const QJsonObject diff{{u"added"_qs, 2}, {u"changed"_qs, 0}, {u"removed"_qs, 0},
                           {u"bytesAdded"_qs, 26}, {u"bytesRemoved"_qs, 0}};
    return QJsonDocument(QJsonObject{{u"uploadId"_qs, uploadId}, {u"missing"_qs, QJsonArray::fromStringList(missing)},
                                     {u"diff"_qs, diff}, {u"bytesToSend"_qs, 26}}).toJson();
}

QString blobPath(const QString &uploadId, const QString &hash)
{
    return u"/api/v1/uploads/"_qs + uploadId + u"/blobs/"_qs + hash;
}

struct Run
{
    StubHttpServer server;
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<ResumableUpload> upload;
    std::optional<Result<model::Version>> result;
    qint64 lastSent = 0;

    Run()
    {
        server.listen();
        api = std::make_unique<ApiClient>(server.url());
        const QList<model::VersionFile> manifest{{u"index.html"_qs, IndexHash, IndexBytes.size()},
                                                 {u"site.css"_qs, StyleHash, StyleBytes.size()}};
        upload = std::make_unique<ResumableUpload>(*api, 7, manifest, [](const QString &hash) {
            auto buffer = std::make_unique<QBuffer>();
            buffer->setData(hash == IndexHash ? IndexBytes : StyleBytes);
            buffer->open(QIODevice::ReadOnly);
            return std::unique_ptr<QIODevice>(std::move(buffer));
        });
        upload->setRetryDelays({std::chrono::milliseconds(0), std::chrono::milliseconds(0)});
        QObject::connect(upload.get(), &ResumableUpload::finished,
                         [this](const Result<model::Version> &r) { result.emplace(r); });
        QObject::connect(upload.get(), &ResumableUpload::progress, [this](qint64 sent, qint64) { lastSent = sent; });
    }
    void finalizeAnswers(int status = 201)
    {
        server.on("POST", u"/api/v1/uploads/9/finalize"_qs,
                  Response::json(status, JsonFixture::bytes(u"api/deploy-with-files.json"_qs)));
    }
    QList<StubHttpServer::Request> requestsTo(const QByteArray &method, const QString &path) const
    {
        QList<StubHttpServer::Request> out;
        for (const auto &request : server.requests())
            if (request.method == method && request.path == path)
                out.append(request);
        return out;
    }
};

} // namespace

class TestResumableUpload final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void sendsOnlyMissingBlobsThenFinalizes()
    {
        Run run;
        run.server.on("POST", u"/api/v1/projects/7/uploads"_qs, Response::json(201, planJson(u"9"_qs, {IndexHash})));
        run.server.on("PUT", blobPath(u"9"_qs, IndexHash), Response::json(204, {}));
        run.finalizeAnswers();
        QSignalSpy planned(run.upload.get(), &ResumableUpload::planned);
        run.upload->start(true);
        QTRY_VERIFY(run.result);
        QVERIFY(run.result->ok());
        QCOMPARE(planned.size(), 1);
        QCOMPARE(run.requestsTo("PUT", blobPath(u"9"_qs, IndexHash)).first().body, IndexBytes);
        QVERIFY(run.requestsTo("PUT", blobPath(u"9"_qs, StyleHash)).isEmpty());
        QCOMPARE(run.lastSent, IndexBytes.size());
        QCOMPARE(run.upload->bytesTotal(), IndexBytes.size());
        const QJsonObject finalize = QJsonDocument::fromJson(run.server.requests().last().body).object();
        QCOMPARE(finalize[u"activate"_qs].toBool(), true);
    }

    void droppedConnectionResumesFromTheAgentsCount()
    {
        Run run;
        run.server.on("POST", u"/api/v1/projects/7/uploads"_qs, Response::json(201, planJson(u"9"_qs, {IndexHash})));
        // Qt itself sends an idempotent PUT once more when the connection closes.
        run.server.on("PUT", blobPath(u"9"_qs, IndexHash), Response::drop(8));
        run.server.on("PUT", blobPath(u"9"_qs, IndexHash), Response::drop(8));
        run.server.on("PUT", blobPath(u"9"_qs, IndexHash), Response::json(204, {}));
        run.server.on("GET", blobPath(u"9"_qs, IndexHash),
                      Response::json(200, QJsonDocument(QJsonObject{{u"sha256"_qs, IndexHash}, {u"size"_qs, IndexBytes.size()},
                                                                    {u"received"_qs, 8}, {u"complete"_qs, false}}).toJson()));
        run.finalizeAnswers();
        QSignalSpy retrying(run.upload.get(), &ResumableUpload::retrying);
        run.upload->start(false);
        QTRY_VERIFY(run.result);
        QVERIFY2(run.result->ok(), qPrintable(run.result->ok() ? QString() : run.result->error().code));
        QCOMPARE(retrying.size(), 1);
        const auto puts = run.requestsTo("PUT", blobPath(u"9"_qs, IndexHash));
        QCOMPARE(puts.size(), 3);
        QCOMPARE(puts.last().headers.value("content-range"), QByteArray("bytes 8-19/20"));
        QCOMPARE(puts.last().body, IndexBytes.mid(8));
    }

    // Right after a drop the agent may still hold the old request for the
    // blob: upload.blob_busy is waited out, then the count asked for.
    void busyBlobAfterADropIsRetriedAfterAPause()
    {
        Run run;
        run.server.on("POST", u"/api/v1/projects/7/uploads"_qs, Response::json(201, planJson(u"9"_qs, {IndexHash})));
        run.server.on("PUT", blobPath(u"9"_qs, IndexHash),
                      Response::error(409, u"upload.blob_busy"_qs, u"Another request is uploading this blob"_qs));
        run.server.on("GET", blobPath(u"9"_qs, IndexHash),
                      Response::json(200, QJsonDocument(QJsonObject{{u"sha256"_qs, IndexHash}, {u"size"_qs, IndexBytes.size()},
                                                                    {u"received"_qs, 8}, {u"complete"_qs, false}}).toJson()));
        run.server.on("PUT", blobPath(u"9"_qs, IndexHash), Response::json(204, {}));
        run.finalizeAnswers();
        QSignalSpy retrying(run.upload.get(), &ResumableUpload::retrying);
        run.upload->start(false);
        QTRY_VERIFY(run.result);
        QVERIFY2(run.result->ok(), qPrintable(run.result->ok() ? QString() : run.result->error().code));
        QCOMPARE(retrying.size(), 1);
        QCOMPARE(retrying.first().first().value<ddd::core::Error>().code, u"upload.blob_busy"_qs);
        QCOMPARE(run.requestsTo("PUT", blobPath(u"9"_qs, IndexHash)).last().headers.value("content-range"),
                 QByteArray("bytes 8-19/20"));
    }

    void forgottenSessionIsPlannedAgain()
    {
        Run run;
        run.server.on("POST", u"/api/v1/projects/7/uploads"_qs, Response::json(201, planJson(u"5"_qs, {IndexHash, StyleHash})));
        run.server.on("POST", u"/api/v1/projects/7/uploads"_qs, Response::json(201, planJson(u"9"_qs, {StyleHash})));
        run.server.on("PUT", blobPath(u"5"_qs, IndexHash), Response::error(404, u"upload.not_found"_qs, u"gone"_qs));
        run.server.on("PUT", blobPath(u"9"_qs, StyleHash), Response::json(204, {}));
        run.finalizeAnswers();
        run.upload->start(false);
        QTRY_VERIFY(run.result);
        QVERIFY(run.result->ok());
        QCOMPARE(run.requestsTo("POST", u"/api/v1/projects/7/uploads"_qs).size(), 2);
        QCOMPARE(run.upload->uploadId(), u"9"_qs);
    }

    void resumedSessionAsksBeforeSending()
    {
        Run run;
        run.server.on("GET", blobPath(u"9"_qs, IndexHash),
                      Response::json(200, QJsonDocument(QJsonObject{{u"sha256"_qs, IndexHash}, {u"size"_qs, IndexBytes.size()},
                                                                    {u"received"_qs, IndexBytes.size()}, {u"complete"_qs, true}}).toJson()));
        run.server.on("PUT", blobPath(u"9"_qs, StyleHash), Response::json(204, {}));
        run.finalizeAnswers();
        run.upload->start(true, ResumableUpload::Resume{u"9"_qs, {IndexHash, StyleHash}});
        QTRY_VERIFY(run.result);
        QVERIFY(run.result->ok());
        QVERIFY(run.requestsTo("POST", u"/api/v1/projects/7/uploads"_qs).isEmpty());
        QVERIFY(run.requestsTo("PUT", blobPath(u"9"_qs, IndexHash)).isEmpty());
        QCOMPARE(run.requestsTo("PUT", blobPath(u"9"_qs, StyleHash)).size(), 1);
    }

    void refusalsEndTheUploadWithoutFinalizing_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("status");
        QTest::newRow("bytes changed on disk") << u"blob.hash_mismatch"_qs << 400;
        QTest::newRow("not allowed") << u"auth.forbidden"_qs << 403;
    }

    void refusalsEndTheUploadWithoutFinalizing()
    {
        QFETCH(QString, code);
        QFETCH(int, status);
        Run run;
        run.server.on("POST", u"/api/v1/projects/7/uploads"_qs, Response::json(201, planJson(u"9"_qs, {IndexHash})));
        run.server.on("PUT", blobPath(u"9"_qs, IndexHash), Response::error(status, code, u"no"_qs));
        run.finalizeAnswers();
        run.upload->start(true);
        QTRY_VERIFY(run.result);
        QCOMPARE(run.result->error().code, code);
        QVERIFY(run.requestsTo("POST", u"/api/v1/uploads/9/finalize"_qs).isEmpty());
    }

    void persistentNetworkFailureGivesUpAfterTheLastRetry()
    {
        Run run;
        run.server.on("POST", u"/api/v1/projects/7/uploads"_qs, Response::json(201, planJson(u"9"_qs, {IndexHash})));
        run.server.on("PUT", blobPath(u"9"_qs, IndexHash), Response::drop(0));
        run.server.on("GET", blobPath(u"9"_qs, IndexHash), Response::drop(0));
        QSignalSpy retrying(run.upload.get(), &ResumableUpload::retrying);
        run.upload->start(true);
        QTRY_VERIFY(run.result);
        QCOMPARE(run.result->error().code, u"client.network"_qs);
        QCOMPARE(retrying.size(), 2);
    }

    void cancelStopsAndLeavesTheSessionResumable()
    {
        Run run;
        run.server.on("POST", u"/api/v1/projects/7/uploads"_qs, Response::json(201, planJson(u"9"_qs, {IndexHash, StyleHash})));
        run.server.on("PUT", blobPath(u"9"_qs, IndexHash), Response::json(204, {}));
        run.server.on("PUT", blobPath(u"9"_qs, StyleHash), Response::drop(1000)); // hangs until cancelled
        QObject::connect(run.upload.get(), &ResumableUpload::blobSent, run.upload.get(), [&run](const QString &hash) {
            if (hash == IndexHash)
                QTimer::singleShot(0, run.upload.get(), [&run] { run.upload->cancel(); });
        });
        run.upload->start(true);
        QTRY_VERIFY(run.result);
        QCOMPARE(run.result->error().code, u"client.cancelled"_qs);
        QCOMPARE(run.upload->remaining(), QStringList{StyleHash});
        QCOMPARE(run.upload->uploadId(), u"9"_qs);
        QVERIFY(run.requestsTo("POST", u"/api/v1/uploads/9/finalize"_qs).isEmpty());
    }

    void incompleteFinalizeSendsWhatIsMissing()
    {
        Run run;
        run.server.on("POST", u"/api/v1/projects/7/uploads"_qs, Response::json(201, planJson(u"9"_qs, {})));
        const QJsonObject incomplete{{u"code"_qs, u"upload.incomplete"_qs}, {u"message"_qs, u"missing"_qs},
                                     {u"details"_qs, QJsonObject{{u"missing"_qs, QJsonArray{StyleHash}}}}};
        run.server.on("POST", u"/api/v1/uploads/9/finalize"_qs,
                      Response::json(409, QJsonDocument(QJsonObject{{u"error"_qs, incomplete}}).toJson()));
        run.finalizeAnswers();
        run.server.on("GET", blobPath(u"9"_qs, StyleHash),
                      Response::json(200, QJsonDocument(QJsonObject{{u"sha256"_qs, StyleHash}, {u"size"_qs, StyleBytes.size()},
                                                                    {u"received"_qs, 0}, {u"complete"_qs, false}}).toJson()));
        run.server.on("PUT", blobPath(u"9"_qs, StyleHash), Response::json(204, {}));
        run.upload->start(false);
        QTRY_VERIFY(run.result);
        QVERIFY(run.result->ok());
        QCOMPARE(run.requestsTo("PUT", blobPath(u"9"_qs, StyleHash)).first().body, StyleBytes);
    }
};

QTEST_GUILESS_MAIN(TestResumableUpload)
#include "tst_resumableupload.moc"
