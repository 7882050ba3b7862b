// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/agent/httpserverfixture.h"
#include "tests/support/tempdataroot.h"

#include <QProcess>
#include <QtTest>

using namespace ddd::agent::http;
using namespace ddd::test;

class TestHttpServer final : public QObject, private HttpServerFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { resetFixture(); }
    void cleanup() { stopFixture(); }

    void servesGetAndFillsTheRequest()
    {
        QVERIFY(startServer());
        QVERIFY(m_server->port() != 0);
        RawTcpClient client;
        const auto response = exchange(client, "GET /h%65llo?x=a%20b&y=1 HTTP/1.1\r\nHost: Test.EXAMPLE:8080\r\n\r\n");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, QByteArray("hello"));
        QCOMPARE(response.header("Content-Length"), QByteArray("5"));
        QVERIFY(response.header("Date").endsWith(" GMT"));
        const Request request = m_handler->lastRequest();
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.target, QByteArray("/h%65llo?x=a%20b&y=1"));
        QCOMPARE(request.path, u"/hello"_qs);
        QCOMPARE(request.query.queryItemValue(u"x"_qs, QUrl::FullyDecoded), u"a b"_qs);
        QCOMPARE(request.host, u"test.example"_qs);
        QCOMPARE(request.clientAddress, u"127.0.0.1"_qs);
        QVERIFY(!request.secure);
        QTRY_COMPARE(records().size(), 1);
        QCOMPARE(records().first().routeLabel, u"GET /hello"_qs);
        QCOMPARE(records().first().status, 200);
    }

    void keepsConnectionsAlive()
    {
        QVERIFY(startServer());
        RawTcpClient client;
        QCOMPARE(exchange(client, httpGet("/hello")).status, 200);
        QCOMPARE(exchange(client, httpGet("/echo")).status, 200);
        // Pipelined: both answers, in order.
        QVERIFY(client.send(httpGet("/hello") + httpPost("/echo", "Content-Length: 3\r\n", "abc")));
        QCOMPARE(next(client).body, QByteArray("hello"));
        QCOMPARE(next(client).body, QByteArray("abc"));
        QVERIFY(client.isConnected());
        QCOMPARE(m_handler->respondCalls(), 4);
    }

    void followsHttp10ConnectionRules()
    {
        QVERIFY(startServer());
        RawTcpClient keepAlive;
        const auto first = exchange(keepAlive, "GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        QCOMPARE(first.header("Connection"), QByteArray("keep-alive"));
        QCOMPARE(exchange(keepAlive, "GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").status, 200);

        RawTcpClient once;
        const auto only = exchange(once, "GET /hello HTTP/1.0\r\n\r\n");
        QCOMPARE(only.status, 200);
        QCOMPARE(only.header("Connection"), QByteArray("close"));
        QVERIFY(isClosedWithoutMore(once));
    }

    void answersHeadWithoutBody()
    {
        QVERIFY(startServer());
        RawTcpClient client;
        const auto head = exchange(client, "HEAD /hello HTTP/1.1\r\nHost: test\r\n\r\n", false);
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("Content-Length"), QByteArray("5"));
        // Had a body been sent, it would be read as the next status line.
        const auto next = exchange(client, httpGet("/hello"));
        QCOMPARE(next.status, 200);
        QCOMPARE(next.body, QByteArray("hello"));
    }

    // Over a cap the client gets an answer it can act on, never a reset:
    // 503 with Retry-After, whether it sent its request yet or not.
    void capsConnectionsPerAddress()
    {
        m_options.limits.maxConnectionsPerAddress = 2;
        QVERIFY(startServer());
        RawTcpClient first, second, third, silent;
        QCOMPARE(exchange(first, httpGet("/hello")).status, 200);
        QCOMPARE(exchange(second, httpGet("/hello")).status, 200);
        const RawResponse refused = exchange(third, httpGet("/hello"));
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.errorCode(), u"http.too_many_connections"_qs);
        QCOMPARE(refused.header("Retry-After"), QByteArray("1"));
        QCOMPARE(refused.header("Connection"), QByteArray("close"));
        QVERIFY(isClosedWithoutMore(third));
        QVERIFY(silent.connectTo(m_server->port()));
        const RawResponse unasked = next(silent);
        QCOMPARE(unasked.status, 503);
        QVERIFY(isClosedWithoutMore(silent));
        QCOMPARE(m_server->openConnections(), 2);
        QCOMPARE(m_handler->respondCalls(), 2);

        first.close();
        QTRY_COMPARE(m_server->openConnections(), 1);
        RawTcpClient fourth;
        QCOMPARE(exchange(fourth, httpGet("/hello")).status, 200);
    }

    void capsConnectionsInTotal()
    {
        m_options.limits.maxConnections = 1;
        QVERIFY(startServer());
        RawTcpClient first, second;
        QCOMPARE(exchange(first, httpGet("/hello")).status, 200);
        const RawResponse refused = exchange(second, httpGet("/hello"));
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.errorCode(), u"http.too_many_connections"_qs);
        QVERIFY(!refused.header("Retry-After").isEmpty());
        QCOMPARE(exchange(first, httpGet("/hello")).status, 200);
    }

    // A plan that says its answer never blocks is answered on the I/O
    // thread: the same answer, exceptions included, on a kept-alive
    // connection between worker-answered requests.
    void answersInlinePlans()
    {
        QVERIFY(startServer());
        RawTcpClient client;
        const RawResponse first = exchange(client, httpGet("/inline"));
        QCOMPARE(first.status, 200);
        QCOMPARE(first.body, QByteArray("inline"));
        QCOMPARE(exchange(client, httpGet("/hello")).body, QByteArray("hello"));
        QCOMPARE(exchange(client, httpGet("/inline")).body, QByteArray("inline"));
        QCOMPARE(exchange(client, httpGet("/inline-throw")).status, 500);
        QCOMPARE(exchange(client, httpGet("/inline")).status, 200);
        QCOMPARE(m_handler->respondCalls(), 4);
    }

    void streamsLargeBodiesIntoTheSink_data()
    {
        QTest::addColumn<bool>("useChunked");
        QTest::newRow("Content-Length") << false;
        QTest::newRow("chunked") << true;
    }

    void streamsLargeBodiesIntoTheSink()
    {
        QFETCH(bool, useChunked);
        QVERIFY(startServer());
        // Far larger than socket buffers, so reading and writing interleave.
        const QByteArray body = patternBytes(8 * 1024 * 1024);
        const QByteArray raw = useChunked
            ? httpPost("/upload", "Transfer-Encoding: chunked\r\n", chunkedBody(body, 100 * 1024))
            : httpPost("/upload", "Content-Length: " + QByteArray::number(body.size()) + "\r\n", body);
        RawTcpClient client;
        const auto response = exchange(client, raw);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, "received " + QByteArray::number(body.size()));
        QCOMPARE(m_handler->sinkLog().bytes.load(), body.size());
        QVERIFY(m_handler->sinkLog().largestWrite.load() <= 64 * 1024);
        QCOMPARE(m_handler->sinkLog().finished.load(), 1);
        QCOMPARE(m_handler->sinkLog().aborted.load(), 0);
        QCOMPARE(m_handler->lastRequest().bodyBytes, body.size());
        QVERIFY(m_handler->lastRequest().body.isEmpty());
    }

    void collectsSmallBodies()
    {
        QVERIFY(startServer());
        RawTcpClient client;
        const auto response = exchange(client, httpPost("/echo", "Transfer-Encoding: chunked\r\n", chunkedBody("hello world", 4)));
        QCOMPARE(response.body, QByteArray("hello world"));
        QCOMPARE(m_handler->lastRequest().bodyBytes, 11);
    }

    void servesFileRanges_data()
    {
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<qsizetype>("offset");
        QTest::addColumn<qsizetype>("length");
        QTest::newRow("whole file") << QByteArray() << qsizetype(0) << qsizetype(300 * 1024);
        QTest::newRow("range") << QByteArray("?offset=1000&length=70000") << qsizetype(1000) << qsizetype(70000);
        QTest::newRow("to the end") << QByteArray("?offset=5") << qsizetype(5) << qsizetype(300 * 1024 - 5);
    }

    void servesFileRanges()
    {
        QFETCH(QByteArray, query);
        QFETCH(qsizetype, offset);
        QFETCH(qsizetype, length);
        ddd::test::TempDataRoot root;
        const QByteArray content = patternBytes(300 * 1024);
        QFile file(root.file(u"blob"_qs));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(content) == content.size());
        file.close();
        m_handler->setFile(file.fileName());
        QVERIFY(startServer());
        RawTcpClient client;
        const auto response = exchange(client, httpGet("/file" + query));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("Content-Length"), QByteArray::number(length));
        QVERIFY(response.body == content.mid(offset, length));
        const auto head = exchange(client, "HEAD /file" + query + " HTTP/1.1\r\nHost: test\r\n\r\n", false);
        QCOMPARE(head.header("Content-Length"), QByteArray::number(length));
        QCOMPARE(exchange(client, httpGet("/hello")).body, QByteArray("hello"));
    }

    void answersAMissingFileWith500()
    {
        m_handler->setFile(u"/nonexistent/ddd-test-file"_qs);
        QVERIFY(startServer());
        RawTcpClient client;
        const auto response = exchange(client, httpGet("/file"));
        QCOMPARE(response.status, 500);
        QCOMPARE(response.errorCode(), u"internal"_qs);
    }

    void turnsHandlerExceptionsInto500_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("respond throws") << QByteArray("/throw");
        QTest::newRow("plan throws") << QByteArray("/throw-plan");
    }

    void turnsHandlerExceptionsInto500()
    {
        QFETCH(QByteArray, target);
        QVERIFY(startServer());
        RawTcpClient client;
        const auto response = exchange(client, httpGet(target));
        QCOMPARE(response.status, 500);
        QCOMPARE(response.body, QByteArray(R"({"error":{"code":"internal","details":{},"message":"internal error"}})"));
        QCOMPARE(exchange(client, httpGet("/hello")).status, 200);
    }

    void honoursForwardedForOnlyFromTrustedProxies_data()
    {
        QTest::addColumn<QStringList>("trusted");
        QTest::addColumn<QString>("client");
        QTest::newRow("untrusted peer") << QStringList() << u"127.0.0.1"_qs;
        QTest::newRow("other proxy trusted") << QStringList{u"10.0.0.1"_qs} << u"127.0.0.1"_qs;
        QTest::newRow("trusted peer") << QStringList{u"127.0.0.1"_qs} << u"203.0.113.7"_qs;
    }

    void honoursForwardedForOnlyFromTrustedProxies()
    {
        QFETCH(QStringList, trusted);
        QFETCH(QString, client);
        m_options.trustedProxies = trusted;
        QVERIFY(startServer());
        RawTcpClient connection;
        QCOMPARE(exchange(connection, httpGet("/hello", "X-Forwarded-For: 1.1.1.1, 203.0.113.7\r\n")).status, 200);
        QCOMPARE(m_handler->lastRequest().clientAddress, client);
    }

    void closesWhenTheResponseAsks()
    {
        QVERIFY(startServer());
        RawTcpClient client;
        const auto response = exchange(client, httpGet("/close"));
        QCOMPARE(response.header("Connection"), QByteArray("close"));
        QVERIFY(isClosedWithoutMore(client));
    }

    void reportsUnmatchedRoutes()
    {
        QVERIFY(startServer());
        RawTcpClient client;
        const auto response = exchange(client, httpGet("/nowhere"));
        QCOMPARE(response.status, 404);
        QCOMPARE(exchange(client, httpGet("/hello")).status, 200);
        QTRY_COMPARE(records().size(), 2);
        QCOMPARE(records().first().routeLabel, u"unmatched"_qs);
        QCOMPARE(records().first().method, QByteArray("GET"));
    }

    void servesOverTls()
    {
        ddd::test::TempDataRoot root;
        const QString cert = root.file(u"cert.pem"_qs);
        const QString key = root.file(u"key.pem"_qs);
        QProcess openssl;
        openssl.start(u"openssl"_qs, {u"req"_qs, u"-x509"_qs, u"-newkey"_qs, u"ec"_qs, u"-pkeyopt"_qs,
                                      u"ec_paramgen_curve:prime256v1"_qs, u"-nodes"_qs, u"-days"_qs, u"1"_qs,
                                      u"-subj"_qs, u"/CN=localhost"_qs, u"-keyout"_qs, key, u"-out"_qs, cert});
        QVERIFY(openssl.waitForFinished(30000));
        QCOMPARE(openssl.exitCode(), 0);
        m_options.tlsCertFile = cert;
        m_options.tlsKeyFile = key;
        // Files go through user space on TLS (pread, then encrypt): several
        // chunks, a range, and the connection still in step afterwards.
        const QByteArray content = patternBytes(300 * 1024);
        QFile file(root.file(u"blob"_qs));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(content) == content.size());
        file.close();
        m_handler->setFile(file.fileName());
        QVERIFY(startServer());

        RawTcpClient client;
        QVERIFY(client.connectTo(m_server->port(), RawTcpClient::Mode::Tls));
        QCOMPARE(exchange(client, httpGet("/hello")).body, QByteArray("hello"));
        QVERIFY(exchange(client, httpGet("/file")).body == content);
        QCOMPARE(exchange(client, httpGet("/file?offset=70000&length=100000")).body, content.mid(70000, 100000));
        QCOMPARE(exchange(client, httpGet("/hello")).status, 200);
        QVERIFY(m_handler->lastRequest().secure);

        // Plain HTTP to the TLS port: tst_tlspolicy.
    }

    void refusesToStartMisconfigured_data()
    {
        QTest::addColumn<QStringList>("trusted");
        QTest::addColumn<QString>("cert");
        QTest::addColumn<QString>("code");
        QTest::newRow("bad proxy") << QStringList{u"proxy.example"_qs} << QString() << u"http.invalid_trusted_proxy"_qs;
        QTest::newRow("missing certificate") << QStringList() << u"/nonexistent/cert.pem"_qs
                                             << u"http.tls_certificate_invalid"_qs;
    }

    void refusesToStartMisconfigured()
    {
        QFETCH(QStringList, trusted);
        QFETCH(QString, cert);
        QFETCH(QString, code);
        m_options.trustedProxies = trusted;
        m_options.tlsCertFile = cert;
        m_options.tlsKeyFile = cert;
        Server server(m_options, *m_handler);
        const auto started = server.start();
        QVERIFY(!started.ok());
        QCOMPARE(started.error().code, code);
        QCOMPARE(server.port(), quint16(0));
    }

    void refusesAPortInUse()
    {
        QVERIFY(startServer());
        m_options.port = m_server->port();
        Server second(m_options, *m_handler);
        const auto started = second.start();
        QVERIFY(!started.ok());
        QCOMPARE(started.error().code, u"http.bind_failed"_qs);
    }

    void stopsWithRequestsInFlight()
    {
        QVERIFY(startServer());
        RawTcpClient idle, uploading;
        QCOMPARE(exchange(idle, httpGet("/hello")).status, 200);
        QVERIFY(uploading.connectTo(m_server->port()));
        QVERIFY(uploading.send(httpPost("/upload", "Content-Length: 1000000\r\n", patternBytes(1000))));
        QTRY_COMPARE(m_server->openConnections(), 2);
        m_server->stop();
        QCOMPARE(m_server->port(), quint16(0));
        QVERIFY(idle.waitForClosed());
        QVERIFY(uploading.waitForClosed());
        QCOMPARE(m_handler->sinkLog().finished.load(), 0);
        QCOMPARE(m_server->openConnections(), 0);
    }

    void runsTheWorkerExitHookOnStop()
    {
        std::atomic<int> exited = 0;
        m_options.workerThreads = 3;
        m_options.onWorkerExit = [&exited] { ++exited; };
        QVERIFY(startServer());
        RawTcpClient client;
        QCOMPARE(exchange(client, httpGet("/hello")).status, 200);
        m_server->stop();
        QCOMPARE(exited.load(), 3);
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
