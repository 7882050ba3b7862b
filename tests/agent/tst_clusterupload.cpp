// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// An upload begun on one agent whose process is killed (SIGKILL) half way
// is finished on another agent sharing the PostgreSQL database and the
// radosgw bucket: the session and the token are there, a blob the dead
// agent had completed counts as sent, and what was only on its disk is
// sent again from the offset the other agent reports. The same for an
// archive upload in pieces: the pieces the bucket confirmed stay.
#include "core/blobs/sha256.h"
#include "tests/support/agentfixture.h"
#include "tests/support/agentprocess.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/sharedbackends.h"
#include "tests/support/zipbuilder.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using ddd::core::blobs::Sha256;
using ddd::test::AgentFixture;
using ddd::test::AgentProcess;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::RawResponse;
using ddd::test::RawTcpClient;
using ddd::test::SharedBackends;
using ddd::test::ZipBuilder;

namespace {

const QString kPassword = u"correct horse battery"_qs;
const QByteArray kDomain = "www.upload.test";

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

QJsonObject fileEntry(const QString &path, const QByteArray &data)
{
    return {{u"path"_qs, path}, {u"sha256"_qs, QString::fromLatin1(Sha256::hexOf(data))}, {u"size"_qs, data.size()}};
}

} // namespace

class TestClusterUpload final : public QObject
{
    Q_OBJECT

    SharedBackends m_backends;
    QTemporaryDir m_keys;
    QTemporaryDir m_doomedRoot;
    QString m_url;
    std::unique_ptr<AgentFixture> m_survivor;
    std::unique_ptr<AgentProcess> m_doomed;
    QString m_token;
    qint64 m_project = 0;

    HttpTestClient on(quint16 apiPort) const
    {
        HttpTestClient http(apiPort);
        http.setToken(m_token);
        return http;
    }

    // The real ddd-agent on the same database and bucket, so it can be killed.
    bool startDoomed()
    {
        const QStringList shared = m_backends.arguments(m_url, m_keys.filePath(u"s3"_qs));
        m_doomed = std::make_unique<AgentProcess>(QStringLiteral(DDD_AGENT_BINARY), m_doomedRoot.path());
        return !shared.isEmpty() && m_doomed->start({}, shared);
    }

    // Sends the head of a request and the first `part` of its `body`, then
    // waits until `sent` says the agent holds at least that much: a client
    // whose connection is about to drop.
    static bool sendPart(RawTcpClient &client, quint16 port, const QByteArray &head, const QByteArray &part,
                         const std::function<bool()> &sent)
    {
        if (!client.connectTo(port) || !client.send(head + part))
            return false;
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 20000) {
            if (sent())
                return true;
            QTest::qWait(50);
        }
        return false;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QString failure = m_backends.start("ddd-upload", "upload/");
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        m_url = m_backends.freshDatabaseUrl();

        m_survivor = std::make_unique<AgentFixture>();
        // The real agent's clock is the real one: tokens and sessions expire by it.
        m_survivor->clock.setMs(QDateTime::currentMSecsSinceEpoch());
        m_backends.share(m_survivor->config, m_url);
        QVERIFY(m_survivor->start()); // migrates the database
        QVERIFY(m_survivor->addUser(u"owner@example.com"_qs, kPassword));
        QVERIFY2(startDoomed(), qPrintable(m_doomed->takeLog()));
        // Signed in on the agent about to die: the token works on the other.
        HttpTestClient login(m_doomed->apiPort());
        const HttpReply signedIn = login.post(u"/api/v1/auth/login"_qs, {{u"email"_qs, u"owner@example.com"_qs},
                                                                       {u"password"_qs, kPassword}});
        QCOMPARE(signedIn.status, 200);
        m_token = signedIn.json().value(u"token"_qs).toString();
        const HttpReply created = on(m_doomed->apiPort())
                                      .post(u"/api/v1/projects"_qs, QJsonObject{{u"name"_qs, u"Upload"_qs},
                                                                                {u"domain"_qs, QString::fromLatin1(kDomain)}});
        QCOMPARE(created.status, 201);
        m_project = created.json().value(u"id"_qs).toInteger();
    }

    void incrementalUploadFinishesOnTheOtherAgent()
    {
        const QByteArray index = "<h1>uploaded twice</h1>";
        const QByteArray big = randomBytes(512 * 1024, 7);
        const HttpReply plan = on(m_doomed->apiPort())
                                   .post(u"/api/v1/projects/%1/uploads"_qs.arg(m_project),
                                         {{u"files"_qs, QJsonArray{fileEntry(u"index.html"_qs, index),
                                                                    fileEntry(u"big.bin"_qs, big)}}});
        QCOMPARE(plan.status, 201);
        const QString upload = plan.json().value(u"uploadId"_qs).toString();
        const QString indexBlob = u"/api/v1/uploads/%1/blobs/%2"_qs.arg(upload, QString::fromLatin1(Sha256::hexOf(index)));
        const QString bigBlob = u"/api/v1/uploads/%1/blobs/%2"_qs.arg(upload, QString::fromLatin1(Sha256::hexOf(big)));
        QCOMPARE(on(m_doomed->apiPort()).send("PUT", indexBlob, index).status, 200);

        RawTcpClient dropping;
        const QByteArray head = "PUT " + bigBlob.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + m_token.toLatin1() + "\r\nContent-Length: " + QByteArray::number(big.size()) + "\r\n\r\n";
        QVERIFY(sendPart(dropping, m_doomed->apiPort(), head, big.left(200 * 1024), [&] {
            return on(m_doomed->apiPort()).get(bigBlob).json().value(u"received"_qs).toInteger() > 0;
        }));
        m_doomed->kill();
        QVERIFY(m_doomed->waitForKill());

        HttpTestClient survivor = on(m_survivor->apiPort());
        const HttpReply indexProgress = survivor.get(indexBlob);
        QVERIFY2(indexProgress.json().value(u"complete"_qs).toBool(), indexProgress.body.constData());
        const QJsonObject progress = survivor.get(bigBlob).json();
        QCOMPARE(progress.value(u"complete"_qs).toBool(), false);
        const qint64 received = progress.value(u"received"_qs).toInteger();
        QVERIFY2(received >= 0 && received < big.size(), qPrintable(QString::number(received)));
        const QByteArray range = "bytes " + QByteArray::number(received) + "-" + QByteArray::number(big.size() - 1)
            + "/" + QByteArray::number(big.size());
        const HttpReply resumed = survivor.send("PUT", bigBlob, big.mid(received), {{"Content-Range", range}});
        QVERIFY2(resumed.status == 200, resumed.body.constData());
        const HttpReply version = survivor.post(u"/api/v1/uploads/%1/finalize"_qs.arg(upload), {{u"activate"_qs, true}});
        QVERIFY2(version.status == 201, version.body.constData());

        HttpTestClient site(m_survivor->sitePort());
        QCOMPARE(site.get(u"/"_qs, kDomain).body, index);
        QCOMPARE(site.get(u"/big.bin"_qs, kDomain).body, big);
    }

    void archiveUploadFinishesOnTheOtherAgent()
    {
        QVERIFY2(startDoomed(), qPrintable(m_doomed->takeLog())); // the same machine, back after its crash
        const QByteArray page = "<h1>sent in pieces</h1>";
        const QByteArray payload = randomBytes(640 * 1024, 11);
        const QByteArray zip = ZipBuilder().file("index.html", page).file("payload.bin", payload).build();
        const qsizetype piece = 256 * 1024;
        const HttpReply opened = on(m_doomed->apiPort())
                                     .post(u"/api/v1/projects/%1/archive-uploads"_qs.arg(m_project),
                                           {{u"size"_qs, zip.size()}, {u"sha256"_qs, QString::fromLatin1(Sha256::hexOf(zip))}});
        QCOMPARE(opened.status, 201);
        const QString session = u"/api/v1/archive-uploads/%1"_qs.arg(opened.json().value(u"id"_qs).toString());
        QCOMPARE(on(m_doomed->apiPort()).send("PATCH", session, zip.left(piece), {{"Upload-Offset", "0"}}).status, 200);

        RawTcpClient dropping;
        const QByteArray head = "PATCH " + session.toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + m_token.toLatin1() + "\r\nUpload-Offset: " + QByteArray::number(piece) + "\r\nContent-Length: "
            + QByteArray::number(zip.size() - piece) + "\r\n\r\n";
        QVERIFY(dropping.connectTo(m_doomed->apiPort()) && dropping.send(head + zip.mid(piece, piece / 2)));
        QTest::qWait(500); // killed while it reads the piece, or before: unconfirmed either way
        m_doomed->kill();
        QVERIFY(m_doomed->waitForKill());

        HttpTestClient survivor = on(m_survivor->apiPort());
        const qint64 offset = survivor.get(session).json().value(u"offset"_qs).toInteger();
        QCOMPARE(offset, qint64(piece)); // what the bucket confirmed; the cut piece never was
        const HttpReply rest =
            survivor.send("PATCH", session, zip.mid(offset), {{"Upload-Offset", QByteArray::number(offset)}});
        QVERIFY2(rest.status == 200, rest.body.constData());
        const HttpReply version = survivor.post(session + u"/complete"_qs, {{u"activate"_qs, true}});
        QVERIFY2(version.status == 201, version.body.constData());

        HttpTestClient site(m_survivor->sitePort());
        QCOMPARE(site.get(u"/"_qs, kDomain).body, page);
        QCOMPARE(site.get(u"/payload.bin"_qs, kDomain).body, payload);
    }
};

QTEST_GUILESS_MAIN(TestClusterUpload)
#include "tst_clusterupload.moc"
