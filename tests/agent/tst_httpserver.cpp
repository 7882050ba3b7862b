// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/server.h"
#include "tests/agent/recordinghandler.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/tempdataroot.h"

#include <QProcess>
#include <QtTest>

using namespace ddd::agent::http;
using ddd::test::RawResponse;
using ddd::test::RawTcpClient;

namespace {

QByteArray get(const QByteArray &target, const QByteArray &extraFields = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extraFields + "\r\n";
}

QByteArray post(const QByteArray &target, const QByteArray &fields, const QByteArray &body = {})
{
    return "POST " + target + " HTTP/1.1\r\nHost: test\r\n" + fields + "\r\n" + body;
}

QByteArray chunked(const QByteArray &body, qsizetype chunkSize)
{
    QByteArray encoded;
    for (qsizetype at = 0; at < body.size(); at += chunkSize) {
        const QByteArray chunk = body.mid(at, chunkSize);
        encoded += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    }
    return encoded + "0\r\n\r\n";
}

QByteArray pattern(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        bytes[i] = char('a' + i % 26);
    return bytes;
}

ServerLimits testLimits()
{
    ServerLimits limits;
    limits.headerTimeout = std::chrono::seconds(5);
    limits.bodyTimeout = std::chrono::seconds(5);
    limits.keepAliveTimeout = std::chrono::seconds(5);
    limits.lingerTimeout = std::chrono::milliseconds(200);
    return limits;
}

} // namespace

class TestHttpServer final : public QObject
{
    Q_OBJECT

private:
    ServerOptions m_options;
    std::unique_ptr<ddd::test::RecordingHandler> m_handler;
    std::unique_ptr<Server> m_server;
    std::mutex m_recordsMutex;
    QList<RequestRecord> m_records;

    bool startServer()
    {
        m_server = std::make_unique<Server>(m_options, *m_handler, [this](const RequestRecord &record) {
            std::lock_guard lock(m_recordsMutex);
            m_records.append(record);
        });
        return m_server->start().ok();
    }

    QList<RequestRecord> records()
    {
        std::lock_guard lock(m_recordsMutex);
        return m_records;
    }

    // Connects if needed, sends `raw` and reads one answer; status 0 when
    // none came.
    RawResponse exchange(RawTcpClient &client, const QByteArray &raw, bool expectBody = true)
    {
        if (!client.isConnected() && !client.connectTo(m_server->port()))
            return {};
        if (!client.send(raw))
            return {};
        return next(client, expectBody);
    }

    static RawResponse next(RawTcpClient &client, bool expectBody = true)
    {
        return client.readResponse(5000, expectBody).value_or(RawResponse());
    }

    static bool isClosedWithoutMore(RawTcpClient &client)
    {
        const auto rest = client.readUntilClosed();
        return rest && rest->isEmpty();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_options = ServerOptions();
        m_options.limits = testLimits();
        m_handler = std::make_unique<ddd::test::RecordingHandler>();
        m_records.clear();
    }

    void cleanup()
    {
        m_server.reset();
        m_handler.reset();
    }

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
        QCOMPARE(exchange(client, get("/hello")).status, 200);
        QCOMPARE(exchange(client, get("/echo")).status, 200);
        // Pipelined: both answers, in order.
        QVERIFY(client.send(get("/hello") + post("/echo", "Content-Length: 3\r\n", "abc")));
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
        const auto next = exchange(client, get("/hello"));
        QCOMPARE(next.status, 200);
        QCOMPARE(next.body, QByteArray("hello"));
    }

    void refusesMalformedRequests_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        const QByteArray line = "GET /hello HTTP/1.1\r\n";
        QTest::newRow("missing Host") << line + "\r\n" << 400 << u"http.bad_host"_qs;
        QTest::newRow("two Host fields") << line + "Host: a\r\nHost: b\r\n\r\n" << 400 << u"http.bad_host"_qs;
        QTest::newRow("Host with path") << line + "Host: a/b\r\n\r\n" << 400 << u"http.bad_host"_qs;
        QTest::newRow("Host with bad port") << line + "Host: a:99999\r\n\r\n" << 400 << u"http.bad_host"_qs;
        QTest::newRow("Host unclosed literal") << line + "Host: [::1\r\n\r\n" << 400 << u"http.bad_host"_qs;
        QTest::newRow("space before colon") << line + "Host : a\r\n\r\n" << 400 << u"http.bad_request"_qs;
        QTest::newRow("obs-fold") << line + "Host: a\r\nX-A: b\r\n c\r\n\r\n" << 400 << u"http.bad_request"_qs;
        QTest::newRow("whitespace before first field") << line + " Host: a\r\n\r\n" << 400 << u"http.bad_request"_qs;
        QTest::newRow("Content-Length and chunked")
            << post("/echo", "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n") << 400
            << u"http.bad_framing"_qs;
        QTest::newRow("chunked and Content-Length")
            << post("/echo", "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", "0\r\n\r\n") << 400
            << u"http.bad_framing"_qs;
        QTest::newRow("gzip and Content-Length")
            << post("/echo", "Transfer-Encoding: gzip\r\nContent-Length: 5\r\n", "abcde") << 400
            << u"http.bad_framing"_qs;
        QTest::newRow("conflicting Content-Length")
            << post("/echo", "Content-Length: 5\r\nContent-Length: 6\r\n", "abcdef") << 400 << u"http.bad_framing"_qs;
        QTest::newRow("Content-Length list") << post("/echo", "Content-Length: 5, 6\r\n", "abcdef") << 400
                                             << u"http.bad_framing"_qs;
        QTest::newRow("invalid Content-Length") << post("/echo", "Content-Length: -1\r\n") << 400
                                                << u"http.bad_framing"_qs;
        QTest::newRow("final coding not chunked") << post("/echo", "Transfer-Encoding: chunked, gzip\r\n") << 400
                                                  << u"http.bad_framing"_qs;
        QTest::newRow("unknown coding") << post("/echo", "Transfer-Encoding: gzip, chunked\r\n", "0\r\n\r\n") << 501
                                        << u"http.unsupported_transfer_coding"_qs;
        QTest::newRow("chunked in HTTP/1.0")
            << QByteArray("POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << 400
            << u"http.bad_framing"_qs;
        QTest::newRow("header over 16 KiB") << get("/hello", "X-Big: " + QByteArray(17 * 1024, 'x') + "\r\n") << 431
                                            << u"http.header_too_large"_qs;
        QByteArray fields;
        for (int i = 0; i < 101; ++i)
            fields += "X-F" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("101 fields") << get("/hello", fields) << 431 << u"http.too_many_fields"_qs;
        QTest::newRow("target over 8 KiB") << get("/" + QByteArray(9 * 1024, 'a')) << 414 << u"http.target_too_long"_qs;
        QTest::newRow("target over the header limit") << get("/" + QByteArray(20 * 1024, 'a')) << 414
                                                      << u"http.target_too_long"_qs;
        QTest::newRow("HTTP/2.0") << QByteArray("GET /hello HTTP/2.0\r\nHost: a\r\n\r\n") << 505
                                  << u"http.version_not_supported"_qs;
        QTest::newRow("NUL in path") << get("/a%00b") << 400 << u"http.bad_path"_qs;
        QTest::newRow("invalid UTF-8 path") << get("/a%C3%28") << 400 << u"http.bad_path"_qs;
        QTest::newRow("broken escape") << get("/a%zz") << 400 << u"http.bad_path"_qs;
        QTest::newRow("relative target") << get("hello") << 400 << u"http.bad_target"_qs;
        QTest::newRow("unknown expectation") << get("/hello", "Expect: teapot\r\n") << 417
                                             << u"http.expectation_failed"_qs;
        QTest::newRow("garbage") << QByteArray("HELLO\r\n\r\n") << 400 << u"http.bad_request"_qs;
    }

    void refusesMalformedRequests()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);
        QFETCH(QString, code);
        QVERIFY(startServer());
        RawTcpClient client;
        const auto response = exchange(client, raw);
        QCOMPARE(response.status, status);
        QCOMPARE(response.errorCode(), code);
        QCOMPARE(response.header("Connection"), QByteArray("close"));
        QVERIFY(isClosedWithoutMore(client));
        QCOMPARE(m_handler->respondCalls(), 0);
        QTRY_COMPARE(records().size(), 1);
        QCOMPARE(records().first().routeLabel, code);
    }

    void neverAnswersASmuggledRequest()
    {
        QVERIFY(startServer());
        RawTcpClient client;
        QVERIFY(client.connectTo(m_server->port()));
        QVERIFY(client.send(post("/echo", "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
                                 "0\r\n\r\n" + get("/hello"))));
        const auto everything = client.readUntilClosed();
        QVERIFY(everything);
        QCOMPARE(RawTcpClient::countStatusLines(*everything), 1);
        QVERIFY(everything->startsWith("HTTP/1.1 400"));
        QCOMPARE(m_handler->respondCalls(), 0);
    }

    void refusesAnnouncedOversizeBodyBeforeReadingIt()
    {
        QVERIFY(startServer());
        RawTcpClient client;
        // No body byte is sent: the answer must not wait for one.
        const auto response = exchange(client, post("/upload-small", "Content-Length: 1000\r\n"));
        QCOMPARE(response.status, 413);
        QCOMPARE(response.errorCode(), u"http.body_too_large"_qs);
        QCOMPARE(response.header("Connection"), QByteArray("close"));
        QCOMPARE(m_handler->respondCalls(), 0);
        QCOMPARE(m_handler->sinkLog().bytes.load(), 0);
        QCOMPARE(m_handler->sinkLog().aborted.load(), 1);
        QCOMPARE(m_handler->sinkLog().finished.load(), 0);
        QTRY_COMPARE(records().size(), 1);
        QCOMPARE(records().first().routeLabel, u"POST /upload-small"_qs);
    }

    void refusesChunkedBodyOnceItPassesTheLimit()
    {
        QVERIFY(startServer());
        RawTcpClient client;
        const auto response = exchange(client, post("/upload-small", "Transfer-Encoding: chunked\r\n",
                                                     chunked(pattern(600), 60)));
        QCOMPARE(response.status, 413);
        QCOMPARE(response.errorCode(), u"http.body_too_large"_qs);
        QVERIFY(isClosedWithoutMore(client));
        QCOMPARE(m_handler->respondCalls(), 0);
        QVERIFY(m_handler->sinkLog().bytes.load() <= 100);
        QCOMPARE(m_handler->sinkLog().aborted.load(), 1);
        QCOMPARE(m_handler->sinkLog().finished.load(), 0);
    }

    void answersExpectContinueWithTheFinalRefusal_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("status");
        QTest::newRow("too large") << post("/upload-small", "Content-Length: 1000\r\nExpect: 100-continue\r\n") << 413;
        QTest::newRow("refused by the route") << post("/refuse", "Content-Length: 10\r\nExpect: 100-continue\r\n")
                                              << 401;
    }

    void answersExpectContinueWithTheFinalRefusal()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);
        QVERIFY(startServer());
        RawTcpClient client;
        const auto response = exchange(client, raw);
        QCOMPARE(response.status, status);
        QCOMPARE(response.header("Connection"), QByteArray("close"));
        QVERIFY(isClosedWithoutMore(client));
        QCOMPARE(m_handler->sinkLog().bytes.load(), 0);
        if (status == 401)
            QCOMPARE(response.header("WWW-Authenticate"), QByteArray("Bearer"));
    }

    void continuesAnAcceptedExpectation()
    {
        QVERIFY(startServer());
        RawTcpClient client;
        const auto interim = exchange(client, post("/echo", "Content-Length: 5\r\nExpect: 100-continue\r\n"));
        QCOMPARE(interim.status, 100);
        QVERIFY(client.send("hello"));
        const auto response = next(client);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, QByteArray("hello"));
    }

    void timesOutTrickledHeaders()
    {
        m_options.limits.headerTimeout = std::chrono::seconds(1);
        QVERIFY(startServer());
        RawTcpClient client;
        QVERIFY(client.connectTo(m_server->port()));
        QVERIFY(client.send("GET /hello HTTP/1.1\r\nHost: test\r\nX-Slow: "));
        // One byte every 200 ms: each arrives well within any idle timer.
        bool answered = false;
        for (int i = 0; i < 50 && !answered; ++i)
            answered = !client.send("a") || client.waitForData(200);
        QVERIFY(answered);
        const auto response = next(client);
        QCOMPARE(response.status, 408);
        QCOMPARE(response.errorCode(), u"http.header_timeout"_qs);
        QVERIFY(client.waitForClosed());
    }

    void timesOutTrickledBodies()
    {
        m_options.limits.bodyTimeout = std::chrono::seconds(1);
        QVERIFY(startServer());
        RawTcpClient client;
        QVERIFY(client.connectTo(m_server->port()));
        QVERIFY(client.send(post("/upload", "Content-Length: 1000\r\n", "0123456789")));
        bool answered = false;
        for (int i = 0; i < 50 && !answered; ++i)
            answered = !client.send("a") || client.waitForData(200);
        QVERIFY(answered);
        const auto response = next(client);
        QCOMPARE(response.status, 408);
        QCOMPARE(response.errorCode(), u"http.body_timeout"_qs);
        QCOMPARE(m_handler->sinkLog().aborted.load(), 1);
        QCOMPARE(m_handler->respondCalls(), 0);
    }

    void closesIdleConnectionsSilently()
    {
        m_options.limits.keepAliveTimeout = std::chrono::milliseconds(300);
        QVERIFY(startServer());
        RawTcpClient client;
        QCOMPARE(exchange(client, get("/hello")).status, 200);
        QVERIFY(isClosedWithoutMore(client));
    }

    void capsConnectionsPerAddress()
    {
        m_options.limits.maxConnectionsPerAddress = 2;
        QVERIFY(startServer());
        RawTcpClient first, second, third;
        QCOMPARE(exchange(first, get("/hello")).status, 200);
        QCOMPARE(exchange(second, get("/hello")).status, 200);
        QVERIFY(third.connectTo(m_server->port()));
        QVERIFY(isClosedWithoutMore(third));
        QCOMPARE(m_server->openConnections(), 2);

        first.close();
        QTRY_COMPARE(m_server->openConnections(), 1);
        RawTcpClient fourth;
        QCOMPARE(exchange(fourth, get("/hello")).status, 200);
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
        const QByteArray body = pattern(8 * 1024 * 1024);
        const QByteArray raw = useChunked
            ? post("/upload", "Transfer-Encoding: chunked\r\n", chunked(body, 100 * 1024))
            : post("/upload", "Content-Length: " + QByteArray::number(body.size()) + "\r\n", body);
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
        const auto response = exchange(client, post("/echo", "Transfer-Encoding: chunked\r\n", chunked("hello world", 4)));
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
        const QByteArray content = pattern(300 * 1024);
        QFile file(root.file(u"blob"_qs));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(content) == content.size());
        file.close();
        m_handler->setFile(file.fileName());
        QVERIFY(startServer());
        RawTcpClient client;
        const auto response = exchange(client, get("/file" + query));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("Content-Length"), QByteArray::number(length));
        QVERIFY(response.body == content.mid(offset, length));
        const auto head = exchange(client, "HEAD /file" + query + " HTTP/1.1\r\nHost: test\r\n\r\n", false);
        QCOMPARE(head.header("Content-Length"), QByteArray::number(length));
        QCOMPARE(exchange(client, get("/hello")).body, QByteArray("hello"));
    }

    void answersAMissingFileWith500()
    {
        m_handler->setFile(u"/nonexistent/ddd-test-file"_qs);
        QVERIFY(startServer());
        RawTcpClient client;
        const auto response = exchange(client, get("/file"));
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
        const auto response = exchange(client, get(target));
        QCOMPARE(response.status, 500);
        QCOMPARE(response.body, QByteArray(R"({"error":{"code":"internal","message":"internal error"}})"));
        QCOMPARE(exchange(client, get("/hello")).status, 200);
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
        QCOMPARE(exchange(connection, get("/hello", "X-Forwarded-For: 1.1.1.1, 203.0.113.7\r\n")).status, 200);
        QCOMPARE(m_handler->lastRequest().clientAddress, client);
    }

    void closesWhenTheResponseAsks()
    {
        QVERIFY(startServer());
        RawTcpClient client;
        const auto response = exchange(client, get("/close"));
        QCOMPARE(response.header("Connection"), QByteArray("close"));
        QVERIFY(isClosedWithoutMore(client));
    }

    void reportsUnmatchedRoutes()
    {
        QVERIFY(startServer());
        RawTcpClient client;
        const auto response = exchange(client, get("/nowhere"));
        QCOMPARE(response.status, 404);
        QCOMPARE(exchange(client, get("/hello")).status, 200);
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
        QVERIFY(startServer());

        RawTcpClient client;
        QVERIFY(client.connectTo(m_server->port(), RawTcpClient::Mode::Tls));
        QCOMPARE(exchange(client, get("/hello")).body, QByteArray("hello"));
        QCOMPARE(exchange(client, get("/hello")).status, 200);
        QVERIFY(m_handler->lastRequest().secure);

        RawTcpClient plain;
        QVERIFY(plain.connectTo(m_server->port()));
        QVERIFY(plain.send(get("/hello")));
        QVERIFY(!plain.readResponse(2000).has_value());
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

    void runsTheWorkerExitHookOnStop()
    {
        std::atomic<int> exited = 0;
        m_options.workerThreads = 3;
        m_options.onWorkerExit = [&exited] { ++exited; };
        QVERIFY(startServer());
        RawTcpClient client;
        QCOMPARE(exchange(client, get("/hello")).status, 200);
        m_server->stop();
        QCOMPARE(exited.load(), 3);
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
