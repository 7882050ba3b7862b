// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// A large file whose blob this machine lacks is sent while it arrives from
// the bucket, not after: deployed through a real radosgw, its local copy
// removed, then fetched from a stub bucket that sends the first part and
// holds the rest until the test releases it. The client has the answer's
// head and the first bytes while the download is still open; the whole
// body once it ends, and the blob is kept. Bytes that prove not to be the
// blob cut the body short (a client sees an incomplete answer, never a
// complete wrong one), over HTTP/1.1 and HTTP/2 alike. A range still
// waits for the whole blob.
#include "agent/agent.h"
#include "tests/agent/http2rawclient.h"
#include "core/blobs/blobstore.h"
#include "core/blobs/sha256.h"
#include "core/blobs/sharedblobs.h"
#include "tests/support/agentfixture.h"
#include "tests/support/radosgwfixture.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/stubhttpserver.h"
#include "tests/support/testbucket.h"
#include "tests/support/zipbuilder.h"

#include <QRandomGenerator>
#include <QtTest>

#include <QThread>

#include <functional>

using ddd::agent::http::S3Endpoint;
using ddd::core::blobs::Sha256;
using ddd::core::blobs::SharedBlobs;
using ddd::test::AgentFixture;
using ddd::test::Http2RawClient;
using ddd::test::HttpReply;
using ddd::test::HttpTestClient;
using ddd::test::RadosgwFixture;
using ddd::test::RawTcpClient;
using ddd::test::StubHttpServer;
using ddd::test::TestBucket;
using ddd::test::ZipBuilder;
using namespace std::chrono_literals;

namespace {

const QString kPassword = u"correct horse battery"_qs;
const QByteArray kDomain = "www.streamed.test";
constexpr qsizetype kSize = 3 * 1024 * 1024;
constexpr qsizetype kFirstPart = 1024 * 1024;

// Incompressible, so no precompressed variant stands in for the blob.
QByteArray randomBytes(quint32 seed)
{
    QByteArray bytes(kSize, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), kSize / 4);
    return bytes;
}

// The stub bucket on a thread of its own, so it answers while this one
// waits for the agent (also while the agent starts: it lists the bucket).
class StubBucket final
{
public:
    StubBucket()
    {
        m_stub->listen();
        m_stub->moveToThread(&m_thread);
        m_thread.start();
    }
    ~StubBucket()
    {
        QMetaObject::invokeMethod(m_stub, &QObject::deleteLater);
        m_thread.quit();
        m_thread.wait();
    }

    quint16 port() const { return quint16(m_stub->url().port()); }
    // Answers the object's GET with `first`, then holds the connection.
    void holdAfter(const QString &path, const QByteArray &first)
    {
        onStubThread([&] { m_stub->on("GET", path, StubHttpServer::Response::eventStream(first)); });
    }
    void finish(const QString &path, const QByteArray &rest)
    {
        onStubThread([&] {
            m_stub->push(path, rest);
            m_stub->closeStreams(path);
        });
    }

private:
    void onStubThread(const std::function<void()> &work)
    {
        QMetaObject::invokeMethod(m_stub, work, Qt::BlockingQueuedConnection);
    }

    QThread m_thread;
    StubHttpServer *m_stub = new StubHttpServer; // deleted on its thread
};

QByteArray bodyOf(const QByteArray &raw)
{
    const qsizetype end = raw.indexOf("\r\n\r\n");
    return end < 0 ? QByteArray() : raw.mid(end + 4);
}

} // namespace

class TestStreamedMiss final : public QObject
{
    Q_OBJECT

    RadosgwFixture m_radosgw;
    S3Endpoint m_endpoint;
    AgentFixture m_agent;
    QString m_token;
    qint64 m_project = 0;

    HttpTestClient api()
    {
        HttpTestClient http(m_agent.apiPort());
        http.setToken(m_token);
        return http;
    }

    // Deploys `content` as /big.bin through the real bucket, then drops
    // this machine's copy and points the agent at `stub` for what it lacks,
    // which sends the first kFirstPart bytes of it and holds the rest.
    bool deployedAndForgotten(const QByteArray &content, StubBucket &stub)
    {
        stub.holdAfter(objectPath(content), content.left(kFirstPart));
        m_agent.config.s3 = TestBucket::settingsFor(m_endpoint);
        if (!m_agent.start())
            return false;
        m_token = m_agent.login(u"owner@example.com"_qs, kPassword);
        const HttpReply deployed =
            api().send("POST", u"/api/v1/projects/%1/deploys?activate=true"_qs.arg(m_project),
                       ZipBuilder().file("index.html", "home").file("big.bin", content).build(),
                       {{"Content-Type", "application/zip"}});
        m_agent.agent().waitForVariants();
        m_agent.stop();
        if (deployed.status != 201 || !QFile::remove(localBlob(content)))
            return false;
        S3Endpoint stubbed = m_endpoint;
        stubbed.host = "127.0.0.1";
        stubbed.port = stub.port();
        stubbed.tls = false;
        m_agent.config.s3 = TestBucket::settingsFor(stubbed);
        return m_agent.start();
    }

    QString localBlob(const QByteArray &content) const
    {
        return ddd::core::blobs::BlobStore(m_agent.dataDir()).pathFor(Sha256::hexOf(content));
    }

    QString objectPath(const QByteArray &content) const
    {
        return QString::fromLatin1("/" + m_endpoint.bucket + "/" + m_endpoint.prefix
                                   + SharedBlobs::keyFor(Sha256::hexOf(content)));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const std::optional<RadosgwFixture::Server> server = m_radosgw.start();
        QVERIFY2(server, qPrintable(m_radosgw.failure()));
        auto bucket = TestBucket::create(*server, "ddd-streamed", "agents/");
        QVERIFY2(bucket, qPrintable(bucket ? QString() : bucket.error().message));
        m_endpoint = *bucket;
        m_agent.config.s3 = TestBucket::settingsFor(m_endpoint);
        QVERIFY(m_agent.start());
        QVERIFY(m_agent.addUser(u"owner@example.com"_qs, kPassword));
        m_token = m_agent.login(u"owner@example.com"_qs, kPassword);
        const HttpReply created = api().post(u"/api/v1/projects"_qs, QJsonObject{{u"name"_qs, u"Streamed"_qs},
                                                                                 {u"domain"_qs, QString::fromLatin1(kDomain)}});
        QCOMPARE(created.status, 201);
        m_project = created.json().value(u"id"_qs).toInteger();
        m_agent.stop();
    }

    void init() { m_agent.stop(); }

    // The request for /big.bin sent on `client`.
    bool asked(RawTcpClient &client, const QByteArray &extra = {})
    {
        return client.connectTo(m_agent.sitePort())
            && client.send("GET /big.bin HTTP/1.1\r\nHost: " + kDomain + "\r\n" + extra + "\r\n");
    }

    // HTTP/1.1: the head (with the length) and the first bytes while the
    // bucket holds the rest, then the whole body and the blob kept; bytes
    // that prove wrong end the body short and nothing is kept.
    void coldMissIsSentWhileItArrives_data()
    {
        QTest::addColumn<bool>("intact");
        QTest::newRow("the blob") << true;
        QTest::newRow("wrong bytes") << false;
    }

    void coldMissIsSentWhileItArrives()
    {
        QFETCH(bool, intact);
        const QByteArray content = randomBytes(intact ? 1 : 2);
        StubBucket stub;
        QVERIFY(deployedAndForgotten(content, stub));

        RawTcpClient client;
        QVERIFY(asked(client));
        const auto early = client.readAtLeast(kFirstPart / 2, 30000);
        QVERIFY(early);
        QVERIFY2(early->startsWith("HTTP/1.1 200 "), early->left(200).constData());
        QVERIFY(early->contains("\r\nContent-Length: 3145728\r\n"));
        QVERIFY2(bodyOf(*early).size() < kSize, "the whole body came before the bucket sent it");
        QVERIFY(!QFile::exists(localBlob(content)));

        QByteArray rest = content.mid(kFirstPart);
        if (!intact)
            rest[rest.size() - 1] = char(rest.back() ^ 1);
        stub.finish(objectPath(content), rest);
        const auto after = client.readUntilClosed(30000);
        QVERIFY(after);
        const QByteArray body = bodyOf(*early + *after);
        if (intact) {
            QCOMPARE(body, content);
            QTRY_VERIFY(QFile::exists(localBlob(content)));
        } else {
            QVERIFY2(body.size() < kSize, qPrintable(QString::number(body.size())));
            QVERIFY(content.startsWith(body));
            QVERIFY(!QFile::exists(localBlob(content)));
        }
    }

    // A window of the file is served from the blob on disk: it waits for
    // the whole download, then answers 206 as always.
    void rangeWaitsForTheWholeBlob()
    {
        const QByteArray content = randomBytes(3);
        StubBucket stub;
        QVERIFY(deployedAndForgotten(content, stub));

        RawTcpClient client;
        QVERIFY(asked(client, "Range: bytes=10-19\r\n"));
        QVERIFY(!client.waitForData(1000)); // nothing while the download is open
        stub.finish(objectPath(content), content.mid(kFirstPart));
        const auto ranged = client.readResponse(30000);
        QVERIFY(ranged);
        QCOMPARE(ranged->status, 206);
        QCOMPARE(ranged->body, content.mid(10, 10));
        QVERIFY(QFile::exists(localBlob(content)));
    }

    // HTTP/2: the head (with the length) while the bucket holds the rest,
    // then the whole body; bytes that prove wrong reset the stream.
    void overHttp2Too_data()
    {
        QTest::addColumn<bool>("intact");
        QTest::newRow("the blob") << true;
        QTest::newRow("wrong bytes") << false;
    }

    void overHttp2Too()
    {
        QFETCH(bool, intact);
        const QByteArray content = randomBytes(intact ? 4 : 5);
        StubBucket stub;
        QVERIFY(deployedAndForgotten(content, stub));

        Http2RawClient client;
        QVERIFY(client.connectPlain(m_agent.sitePort()));
        QVERIFY(client.send(Http2RawClient::frame(Http2RawClient::Headers,
                                                  Http2RawClient::EndHeaders | Http2RawClient::EndStream, 1,
                                                  client.encode(Http2RawClient::request("GET", "/big.bin", kDomain)))));
        const auto head = client.waitFor(Http2RawClient::Headers, 30000);
        QVERIFY(head);
        const Http2RawClient::Fields fields = client.decode(head->payload);
        QVERIFY(fields.contains({":status", "200"}));
        QVERIFY(fields.contains({"content-length", "3145728"}));

        QByteArray rest = content.mid(kFirstPart);
        if (!intact)
            rest[0] = char(rest.front() ^ 1);
        stub.finish(objectPath(content), rest);
        const auto answer = client.answer(1, 30000);
        if (intact) {
            QVERIFY(answer);
            QCOMPARE(answer->body, content);
        } else {
            QVERIFY2(!answer, "a body that is not the blob was sent whole");
        }
    }
};

QTEST_GUILESS_MAIN(TestStreamedMiss)
#include "tst_streamedmiss.moc"
