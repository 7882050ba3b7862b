// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/s3objectstore.h"
#include "agent/http/s3transport.h"
#include "core/blobs/sha256.h"
#include "tests/support/jsonfixture.h"
#include "tests/support/stubhttpserver.h"
#include "tests/support/testcertificate.h"

#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <future>

using ddd::agent::http::S3Endpoint;
using ddd::agent::http::S3ObjectStore;
using ddd::core::Result;
using ddd::core::blobs::Sha256;
using ddd::test::JsonFixture;
using ddd::test::StubHttpServer;
using ddd::test::TestCertificate;
using namespace std::chrono_literals;

namespace {

// Runs a blocking store call on another thread while this one's event loop
// lets the test's servers answer.
template<typename Call>
auto whileServing(Call call)
{
    auto result = std::async(std::launch::async, call);
    while (result.wait_for(10ms) != std::future_status::ready)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return result.get();
}

// Answers every request head it reads with `answer`; with closeAfter it
// then closes the connection though the answer promised to keep it open,
// as a server does when a kept-alive connection has idled too long.
class ScriptedServer final : public QTcpServer
{
public:
    ScriptedServer(QByteArray reply, bool closeAfter) : m_answer(std::move(reply)), m_closeAfter(closeAfter)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                ++connections;
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { answer(socket); });
            }
        });
    }
    int connections = 0;
    int requests = 0;

private:
    void answer(QTcpSocket *socket)
    {
        m_pending[socket] += socket->readAll();
        while (m_pending[socket].contains("\r\n\r\n")) {
            m_pending[socket].remove(0, m_pending[socket].indexOf("\r\n\r\n") + 4);
            ++requests;
            socket->write(m_answer);
            if (m_closeAfter)
                socket->disconnectFromHost();
        }
    }

    QByteArray m_answer;
    bool m_closeAfter;
    QHash<QTcpSocket *, QByteArray> m_pending;
};

} // namespace

// S3Transport's edges that a real S3 server does not show on demand: TLS
// trust and names, a kept-alive connection closed by the server, an answer
// that is not HTTP. (tst_s3objectstore covers the S3 conversation itself.)
class TestS3Transport final : public QObject
{
    Q_OBJECT

private slots:
    void tlsWithTrustedCertificate()
    {
        StubHttpServer server;
        QVERIFY(listenWithStubCertificate(server));
        server.on("GET", u"/bucket/p/blob"_qs, StubHttpServer::Response{200, "over TLS"});
        S3Endpoint endpoint = tlsEndpoint(server, JsonFixture::path(u"tls/stub-server.crt"_qs));
        const QString destination = m_files.filePath(u"fetched"_qs);
        const auto hash = whileServing([&] { return S3ObjectStore(endpoint).fetch("blob", destination, {}); });
        QVERIFY2(hash, qPrintable(hash ? QString() : hash.error().message));
        QCOMPARE(*hash, Sha256::hexOf("over TLS"));
        QCOMPARE(server.requests().size(), 1);
        const StubHttpServer::Request &request = server.requests().first();
        QVERIFY(request.headers.value("authorization").startsWith("AWS4-HMAC-SHA256 Credential=key/"));
        QCOMPARE(request.headers.value("x-amz-content-sha256"), Sha256::hexOf({}));
    }

    void tlsRefusals_data()
    {
        QTest::addColumn<bool>("trustIt");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("not trusted") << false << QStringList{u"localhost"_qs};
        QTest::newRow("trusted, for another name") << true << QStringList{u"other.example"_qs};
    }

    void tlsRefusals()
    {
        QFETCH(bool, trustIt);
        QFETCH(QStringList, names);
        const QString certFile = m_files.filePath(u"cert.pem"_qs), keyFile = m_files.filePath(u"key.pem"_qs);
        QVERIFY(TestCertificate::make(certFile, keyFile, names.first(), names));
        QFile key(keyFile);
        QVERIFY(key.open(QIODevice::ReadOnly));
        StubHttpServer server;
        QVERIFY(server.listenTls(QSslCertificate::fromPath(certFile).first(), QSslKey(&key, QSsl::Ec)));
        server.on("HEAD", u"/bucket/p/blob"_qs, StubHttpServer::Response{200});
        const S3Endpoint endpoint = tlsEndpoint(server, trustIt ? certFile : QString());
        const auto size = whileServing([&] { return S3ObjectStore(endpoint).sizeOf("blob"); });
        QVERIFY(!size);
        QCOMPARE(size.error().code, u"objects.tls_untrusted"_qs);
        QVERIFY(server.requests().isEmpty());
    }

    // The server said keep-alive, then closed: the next call goes out once
    // more on a new connection and succeeds.
    void closedKeepAliveConnectionIsReplaced()
    {
        ScriptedServer server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", true);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        S3ObjectStore store(plainEndpoint(server.serverPort()));
        for (int call = 0; call < 3; ++call) {
            const auto size = whileServing([&] { return store.sizeOf("blob"); });
            QVERIFY2(size, qPrintable(size ? QString() : size.error().message));
            QCOMPARE(**size, 0);
        }
        QCOMPARE(server.requests, 3);
        QCOMPARE(server.connections, 3);
    }

    // A kept-alive connection is used again when the server keeps it.
    void openConnectionIsReused()
    {
        ScriptedServer server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        S3ObjectStore store(plainEndpoint(server.serverPort()));
        for (int call = 0; call < 3; ++call)
            QVERIFY(whileServing([&] { return store.sizeOf("blob"); }));
        QCOMPARE(server.requests, 3);
        QCOMPARE(server.connections, 1);
    }

    void answerThatIsNotHttp()
    {
        ScriptedServer server("SSH-2.0-OpenSSH_9.2\r\n\r\n", true);
        QVERIFY(server.listen(QHostAddress::LocalHost));
        const S3Endpoint endpoint = plainEndpoint(server.serverPort());
        const auto size = whileServing([&] { return S3ObjectStore(endpoint).sizeOf("blob"); });
        QVERIFY(!size);
        QCOMPARE(size.error().code, u"objects.protocol"_qs);
    }

private:
    static bool listenWithStubCertificate(StubHttpServer &server)
    {
        QFile key(JsonFixture::path(u"tls/stub-server.key"_qs));
        const auto certificates = QSslCertificate::fromPath(JsonFixture::path(u"tls/stub-server.crt"_qs));
        return key.open(QIODevice::ReadOnly) && !certificates.isEmpty()
            && server.listenTls(certificates.first(), QSslKey(&key, QSsl::Rsa));
    }

    static S3Endpoint plainEndpoint(quint16 port)
    {
        S3Endpoint endpoint;
        endpoint.tls = false;
        endpoint.host = "127.0.0.1";
        endpoint.port = port;
        endpoint.bucket = "bucket";
        endpoint.prefix = "p/";
        endpoint.credentials = {"key", "secret"};
        endpoint.stepTimeout = 10s;
        return endpoint;
    }

    static S3Endpoint tlsEndpoint(const StubHttpServer &server, const QString &caFile)
    {
        S3Endpoint endpoint = plainEndpoint(quint16(server.url().port()));
        endpoint.tls = true;
        endpoint.host = "localhost";
        endpoint.caFile = caFile;
        return endpoint;
    }

    QTemporaryDir m_files;
};

QTEST_GUILESS_MAIN(TestS3Transport)
#include "tst_s3transport.moc"
