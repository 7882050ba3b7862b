// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/apiclient.h"
#include "core/client/apitransport.h"
#include "core/util/gzipinflater.h"
#include "tests/support/jsonfixture.h"
#include "tests/support/stubhttpserver.h"
#include "tests/support/tempdataroot.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QUrlQuery>
#include <QtTest>

#include <optional>

using namespace ddd::core;
using namespace ddd::core::client;
using ddd::test::JsonFixture;
using ddd::test::StubHttpServer;
using Response = StubHttpServer::Response;

namespace {

// Collects one callback's result; QTRY_VERIFY waits for it without sleeping.
template<typename T>
struct Outcome
{
    std::optional<Result<T>> result;
    Callback<T> callback()
    {
        return [this](Result<T> r) { result.emplace(std::move(r)); };
    }
};

QString errorCode(const auto &result)
{
    return result->ok() ? QString() : result->error().code;
}

} // namespace

class TestApiClient final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void loginDecodesSessionAndLaterCallsCarryTheToken()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        server.on("POST", u"/api/v1/auth/login"_qs, Response::json(200, JsonFixture::bytes(u"api/login.json"_qs)));
        server.on("GET", u"/api/v1/me"_qs,
                  Response::json(200, QJsonDocument(JsonFixture::json(u"api/login.json"_qs)[u"user"_qs].toObject()).toJson()));
        ApiClient client(server.url());
        Outcome<Session> login;
        client.login(u"owner@example.com"_qs, u"secret-password"_qs, this, login.callback());
        QTRY_VERIFY(login.result);
        QVERIFY(login.result->ok());
        QCOMPARE((*login.result)->account.email, u"owner@example.com"_qs);
        QCOMPARE((*login.result)->account.role, model::Role::Operator);
        const QJsonObject sent = QJsonDocument::fromJson(server.requests().first().body).object();
        QCOMPARE(sent[u"password"_qs].toString(), u"secret-password"_qs);
        QVERIFY(!server.requests().first().headers.contains("authorization"));

        client.setToken((*login.result)->token);
        Outcome<Account> me;
        client.me(this, me.callback());
        QTRY_VERIFY(me.result);
        QVERIFY(me.result->ok());
        QCOMPARE(server.requests().last().headers.value("authorization"), "Bearer " + (*login.result)->token.toUtf8());
    }

    void agentErrorsKeepTheirCodeAndRetryAfter()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        Response limited = Response::error(429, u"auth.rate_limited"_qs, u"slow down"_qs);
        limited.headers.append(std::pair<QByteArray, QByteArray>("Retry-After", "17"));
        server.on("POST", u"/api/v1/auth/login"_qs, limited);
        ApiClient client(server.url());
        Outcome<Session> login;
        client.login(u"a@example.com"_qs, u"x"_qs, this, login.callback());
        QTRY_VERIFY(login.result);
        QCOMPARE(errorCode(login.result), u"auth.rate_limited"_qs);
        QCOMPARE(login.result->error().message, u"slow down"_qs);
        QCOMPARE(login.result->error().details[u"retryAfterSeconds"_qs].toInt(), 17);
    }

    void oddAnswersBecomeClientErrors_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("error status, html body") << 502 << QByteArray("<html>bad gateway</html>") << u"client.http_status"_qs;
        QTest::newRow("success, not json") << 200 << QByteArray("hello") << u"client.bad_response"_qs;
        QTest::newRow("success, field missing") << 200 << QByteArray(R"([{"id": 7}])") << u"wire.unexpected_json"_qs;
        QTest::newRow("success, neither list nor wrapped list") << 200 << QByteArray(R"({"items": 3})") << u"wire.unexpected_json"_qs;
    }

    void oddAnswersBecomeClientErrors()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        StubHttpServer server;
        QVERIFY(server.listen());
        server.on("GET", u"/api/v1/projects"_qs, Response::json(status, body));
        ApiClient client(server.url());
        Outcome<RemotePage<RemoteProject>> list;
        client.listProjects({}, this, list.callback());
        QTRY_VERIFY(list.result);
        QCOMPARE(errorCode(list.result), code);
    }

    void listsArePagesWithCursors()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        const QJsonArray projects = JsonFixture::json(u"api/projects.json"_qs).toArray();
        server.on("GET", u"/api/v1/projects"_qs,
                  Response::json(200, QJsonDocument(QJsonObject{{u"items"_qs, projects}, {u"nextCursor"_qs, u"c/1+"_qs}}).toJson()));
        server.on("GET", u"/api/v1/projects/7/deploys"_qs,
                  Response::json(200, QJsonDocument(QJsonObject{{u"items"_qs, JsonFixture::json(u"api/deploys.json"_qs)},
                                                                {u"nextCursor"_qs, QJsonValue::Null}}).toJson()));
        ApiClient client(server.url());
        Outcome<RemotePage<RemoteProject>> list;
        Outcome<RemotePage<model::Version>> versions;
        client.listProjects({}, this, list.callback());
        client.listDeploys(7, {u"c/1+"_qs, 20, {}}, this, versions.callback());
        QTRY_VERIFY(list.result && versions.result);
        QVERIFY(list.result->ok() && versions.result->ok());
        QCOMPARE((*list.result)->items.size(), 2);
        QCOMPARE((*list.result)->items.at(1).settings.siteUsers, (QStringList{u"alice"_qs, u"bob"_qs}));
        QCOMPARE((*list.result)->nextCursor, u"c/1+"_qs);
        QVERIFY((*list.result)->hasMore());
        QCOMPARE((*versions.result)->items.size(), 3);
        QCOMPARE((*versions.result)->items.at(2).error->code, u"archive.path_traversal"_qs);
        QVERIFY(!(*versions.result)->hasMore());
        QCOMPARE(server.requests().first().query, QString());
        // The cursor goes back exactly as it came, percent-encoded in the query.
        const QUrlQuery sent(server.requests().last().query);
        QCOMPARE(sent.queryItemValue(u"cursor"_qs, QUrl::FullyDecoded), u"c/1+"_qs);
        QCOMPARE(sent.queryItemValue(u"limit"_qs), u"20"_qs);
    }

    void unreachableAgentIsANetworkError()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 closedPort = probe.serverPort();
        probe.close();
        ApiClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort)));
        Outcome<Account> me;
        client.me(this, me.callback());
        QTRY_VERIFY(me.result);
        QCOMPARE(errorCode(me.result), u"client.network"_qs);
        QVERIFY(!me.result->error().details[u"reason"_qs].toString().isEmpty());
    }

    void untrustedCertificateNamesItsFingerprintUntilTrusted()
    {
        const auto certificate = QSslCertificate::fromPath(JsonFixture::path(u"tls/stub-server.crt"_qs)).first();
        QFile keyFile(JsonFixture::path(u"tls/stub-server.key"_qs));
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        StubHttpServer server;
        QVERIFY(server.listenTls(certificate, QSslKey(&keyFile, QSsl::Rsa)));
        server.on("GET", u"/api/v1/me"_qs,
                  Response::json(200, QJsonDocument(JsonFixture::json(u"api/login.json"_qs)[u"user"_qs].toObject()).toJson()));
        ApiClient client(server.url());
        Outcome<Account> refused;
        client.me(this, refused.callback());
        QTRY_VERIFY(refused.result);
        QCOMPARE(errorCode(refused.result), u"client.tls"_qs);
        const QString fingerprint = refused.result->error().details[u"fingerprint"_qs].toString();
        QCOMPARE(fingerprint, ApiTransport::fingerprintOf(certificate));
        QCOMPARE(fingerprint.size(), 32 * 3 - 1);
        QVERIFY(server.requests().isEmpty());

        client.setTrustedFingerprint(fingerprint.toLower().remove(u':'));
        Outcome<Account> accepted;
        client.me(this, accepted.callback());
        QTRY_VERIFY(accepted.result);
        QVERIFY2(accepted.result->ok(), qPrintable(errorCode(accepted.result)));
    }

    void deadContextNeverHearsTheAnswer()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        server.on("GET", u"/api/v1/me"_qs, Response::json(200, "{}"));
        ApiClient client(server.url());
        bool called = false;
        auto *context = new QObject;
        client.me(context, [&called](Result<Account>) { called = true; });
        delete context;
        QTRY_COMPARE(server.requests().size(), 1);
        Outcome<Account> witness; // a later call that does arrive proves the first one had time to
        client.me(this, witness.callback());
        QTRY_VERIFY(witness.result);
        QVERIFY(!called);
    }

    void cancelledCallsSaySo()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        server.on("GET", u"/api/v1/projects"_qs, Response::drop(1)); // never answers: waits for one body byte
        ApiClient client(server.url());
        Outcome<RemotePage<RemoteProject>> list;
        CallHandle call = client.listProjects({}, this, list.callback());
        QVERIFY(call.isRunning());
        call.cancel();
        QTRY_VERIFY(list.result);
        QCOMPARE(errorCode(list.result), u"client.cancelled"_qs);
        QVERIFY(!call.isRunning());
    }

    void expiredTokenIsAnnounced()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        server.on("GET", u"/api/v1/projects"_qs, Response::error(401, u"auth.invalid_token"_qs, u"expired"_qs));
        ApiClient client(server.url());
        QSignalSpy expired(&client, &ApiClient::sessionExpired);
        Outcome<RemotePage<RemoteProject>> list;
        client.listProjects({}, this, list.callback());
        QTRY_VERIFY(list.result);
        QCOMPARE(expired.size(), 1);
    }

    void putBlobResumesWithContentRange_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<QByteArray>("contentRange");
        QTest::newRow("from the start") << qint64(0) << QByteArray();
        QTest::newRow("resumed") << qint64(6) << QByteArray("bytes 6-10/11");
    }

    void putBlobResumesWithContentRange()
    {
        QFETCH(qint64, offset);
        QFETCH(QByteArray, contentRange);
        StubHttpServer server;
        QVERIFY(server.listen());
        server.on("PUT", u"/api/v1/uploads/9/blobs/abc"_qs, Response::json(204, {}));
        ApiClient client(server.url());
        QByteArray bytes("hello world");
        QBuffer source(&bytes);
        QVERIFY(source.open(QIODevice::ReadOnly));
        Outcome<void> put;
        client.putBlob(u"9"_qs, u"abc"_qs, &source, offset, bytes.size(), {}, this, put.callback());
        QTRY_VERIFY(put.result);
        QVERIFY(put.result->ok());
        const StubHttpServer::Request &request = server.requests().first();
        QCOMPARE(request.body, bytes.mid(offset));
        QCOMPARE(request.headers.value("content-range"), contentRange);
    }

    void archiveUploadStreamsTheFileWithItsType()
    {
        ddd::test::TempDataRoot root;
        QFile archive(root.file(u"site.tar.gz"_qs));
        QVERIFY(archive.open(QIODevice::WriteOnly));
        archive.write(QByteArray("\x1f\x8b\x08\x00", 4) + QByteArray(4096, 'x'));
        archive.close();
        StubHttpServer server;
        QVERIFY(server.listen());
        server.on("POST", u"/api/v1/projects/7/deploys"_qs,
                  Response::json(201, QJsonDocument(JsonFixture::json(u"api/deploys.json"_qs)[0].toObject()).toJson()));
        ApiClient client(server.url());
        Outcome<model::Version> upload;
        qint64 lastSent = 0;
        client.uploadArchive(7, archive.fileName(), true, [&lastSent](qint64 sent, qint64) { lastSent = sent; }, this,
                             upload.callback());
        QTRY_VERIFY(upload.result);
        QVERIFY(upload.result->ok());
        QCOMPARE((*upload.result)->status, model::VersionStatus::Live);
        const StubHttpServer::Request &request = server.requests().first();
        QCOMPARE(request.headers.value("content-type"), "application/gzip");
        QCOMPARE(request.query, u"activate=true"_qs);
        QCOMPARE(request.body.size(), 4100);
        QCOMPARE(lastSent, 4100);
    }

    void missingArchiveFailsWithoutARequest()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        ApiClient client(server.url());
        Outcome<model::Version> upload;
        const CallHandle call = client.uploadArchive(7, u"/nonexistent/site.zip"_qs, false, {}, this, upload.callback());
        QVERIFY(!upload.result); // never inside the call itself
        QVERIFY(!call.isRunning());
        QTRY_VERIFY(upload.result);
        QCOMPARE(errorCode(upload.result), u"client.file_unreadable"_qs);
        QVERIFY(server.requests().isEmpty());
    }

    void incrementalUploadRoundTrip()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        server.on("POST", u"/api/v1/projects/7/uploads"_qs, Response::json(201, JsonFixture::bytes(u"api/upload-plan.json"_qs)));
        server.on("GET", u"/api/v1/uploads/9/blobs/abc"_qs,
                  Response::json(200, R"({"sha256": "abc", "size": 20, "received": 8, "complete": false})"));
        server.on("POST", u"/api/v1/uploads/9/finalize"_qs, Response::json(201, JsonFixture::bytes(u"api/deploy-with-files.json"_qs)));
        ApiClient client(server.url());
        Outcome<model::UploadPlan> plan;
        client.startIncrementalUpload(7, {{u"index.html"_qs, u"abc"_qs, 20}}, this, plan.callback());
        QTRY_VERIFY(plan.result);
        QVERIFY(plan.result->ok());
        QCOMPARE((*plan.result)->uploadId, u"9"_qs);
        QCOMPARE((*plan.result)->diff.bytesRemoved, 512);
        const StubHttpServer::Request &posted = server.requests().first();
        QCOMPARE(posted.headers.value("content-encoding"), "gzip");
        const QJsonArray files =
            QJsonDocument::fromJson(*GzipInflater::inflate(posted.body, 1 << 20))[u"files"_qs].toArray();
        QCOMPARE(files.first()[u"sha256"_qs].toString(), u"abc"_qs);

        Outcome<model::BlobProgress> status;
        client.blobStatus(u"9"_qs, u"abc"_qs, this, status.callback());
        Outcome<model::Version> finalized;
        client.finalize(u"9"_qs, true, this, finalized.callback());
        QTRY_VERIFY(status.result && finalized.result);
        QCOMPARE((*status.result)->received, 8);
        QCOMPARE((*finalized.result)->files.size(), 2);
        QCOMPARE(QJsonDocument::fromJson(server.requests().last().body)[u"activate"_qs].toBool(), true);
    }

    void shareLinksAreIssuedAndRevoked()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        const QJsonObject issued{{u"token"_qs, u"abc.def"_qs},
                                 {u"url"_qs, u"https://www.example.com/?ddd_share=abc.def"_qs},
                                 {u"expiresAt"_qs, u"2026-11-27T14:00:00.000Z"_qs}};
        server.on("POST", u"/api/v1/projects/7/share-links"_qs, Response::json(201, QJsonDocument(issued).toJson()));
        server.on("POST", u"/api/v1/projects/8/share-links"_qs,
                  Response::error(400, u"site.invalid_share_lifetime"_qs, u"60 to 2592000 seconds"_qs));
        server.on("DELETE", u"/api/v1/projects/7/share-links"_qs, Response::json(204, {}));
        ApiClient client(server.url());
        Outcome<ShareLink> link;
        client.createShareLink(7, std::chrono::hours(24), this, link.callback());
        QTRY_VERIFY(link.result);
        QVERIFY(link.result->ok());
        QCOMPARE((*link.result)->url, QUrl(u"https://www.example.com/?ddd_share=abc.def"_qs));
        QCOMPARE((*link.result)->expiresAt, QDateTime(QDate(2026, 11, 27), QTime(14, 0), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(QJsonDocument::fromJson(server.requests().last().body).object(),
                 (QJsonObject{{u"expiresInSeconds"_qs, 86400}}));

        Outcome<ShareLink> refused;
        client.createShareLink(8, std::chrono::seconds(1), this, refused.callback());
        Outcome<void> revoked;
        client.revokeShareLinks(7, this, revoked.callback());
        QTRY_VERIFY(refused.result && revoked.result);
        QCOMPARE(errorCode(refused.result), u"site.invalid_share_lifetime"_qs);
        QVERIFY(revoked.result->ok());
        const auto deletes = std::count_if(server.requests().cbegin(), server.requests().cend(), [](const auto &request) {
            return request.method == "DELETE" && request.path == u"/api/v1/projects/7/share-links"_qs;
        });
        QCOMPARE(deletes, 1);
    }

    void shareLinkThatIsNoWebAddressIsRefused()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        const QJsonObject issued{{u"token"_qs, u"t"_qs}, {u"url"_qs, u"javascript:alert(1)"_qs},
                                 {u"expiresAt"_qs, u"2026-11-27T14:00:00.000Z"_qs}};
        server.on("POST", u"/api/v1/projects/7/share-links"_qs, Response::json(201, QJsonDocument(issued).toJson()));
        ApiClient client(server.url());
        Outcome<ShareLink> link;
        client.createShareLink(7, std::chrono::hours(1), this, link.callback());
        QTRY_VERIFY(link.result);
        QCOMPARE(errorCode(link.result), u"wire.unexpected_json"_qs);
        QCOMPARE(link.result->error().details[u"field"_qs].toString(), u"url"_qs);
    }

    void basePathPrefixIsKept()
    {
        StubHttpServer server;
        QVERIFY(server.listen());
        server.on("DELETE", u"/ddd/api/v1/deploys/41"_qs, Response::json(204, {}));
        QUrl base = server.url();
        base.setPath(u"/ddd/"_qs);
        ApiClient client(base);
        Outcome<void> removed;
        client.deleteDeploy(41, this, removed.callback());
        QTRY_VERIFY(removed.result);
        QVERIFY(removed.result->ok());
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
