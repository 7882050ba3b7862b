// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/agent/httpserverfixture.h"

#include <QtTest>

using namespace ddd::agent::http;
using namespace ddd::test;

// RFC 9112 MUSTs, smuggling and slow clients (security-guide §4), driven
// over raw TCP: each refusal is answered once with its stable code and ends
// the connection without the handler ever responding.
class TestHttpConformance final : public QObject, private HttpServerFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { resetFixture(); }
    void cleanup() { stopFixture(); }

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
            << httpPost("/echo", "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n", "0\r\n\r\n") << 400
            << u"http.bad_framing"_qs;
        QTest::newRow("chunked and Content-Length")
            << httpPost("/echo", "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n", "0\r\n\r\n") << 400
            << u"http.bad_framing"_qs;
        QTest::newRow("gzip and Content-Length")
            << httpPost("/echo", "Transfer-Encoding: gzip\r\nContent-Length: 5\r\n", "abcde") << 400
            << u"http.bad_framing"_qs;
        QTest::newRow("conflicting Content-Length")
            << httpPost("/echo", "Content-Length: 5\r\nContent-Length: 6\r\n", "abcdef") << 400 << u"http.bad_framing"_qs;
        QTest::newRow("Content-Length list") << httpPost("/echo", "Content-Length: 5, 6\r\n", "abcdef") << 400
                                             << u"http.bad_framing"_qs;
        QTest::newRow("invalid Content-Length") << httpPost("/echo", "Content-Length: -1\r\n") << 400
                                                << u"http.bad_framing"_qs;
        QTest::newRow("final coding not chunked") << httpPost("/echo", "Transfer-Encoding: chunked, gzip\r\n") << 400
                                                  << u"http.bad_framing"_qs;
        QTest::newRow("unknown coding") << httpPost("/echo", "Transfer-Encoding: gzip, chunked\r\n", "0\r\n\r\n") << 501
                                        << u"http.unsupported_transfer_coding"_qs;
        QTest::newRow("chunked in HTTP/1.0")
            << QByteArray("POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n") << 400
            << u"http.bad_framing"_qs;
        QTest::newRow("header over 16 KiB") << httpGet("/hello", "X-Big: " + QByteArray(17 * 1024, 'x') + "\r\n") << 431
                                            << u"http.header_too_large"_qs;
        QByteArray fields;
        for (int i = 0; i < 101; ++i)
            fields += "X-F" + QByteArray::number(i) + ": v\r\n";
        QTest::newRow("101 fields") << httpGet("/hello", fields) << 431 << u"http.too_many_fields"_qs;
        QTest::newRow("target over 8 KiB") << httpGet("/" + QByteArray(9 * 1024, 'a')) << 414 << u"http.target_too_long"_qs;
        QTest::newRow("target over the header limit") << httpGet("/" + QByteArray(20 * 1024, 'a')) << 414
                                                      << u"http.target_too_long"_qs;
        QTest::newRow("HTTP/2.0") << QByteArray("GET /hello HTTP/2.0\r\nHost: a\r\n\r\n") << 505
                                  << u"http.version_not_supported"_qs;
        QTest::newRow("NUL in path") << httpGet("/a%00b") << 400 << u"http.bad_path"_qs;
        QTest::newRow("invalid UTF-8 path") << httpGet("/a%C3%28") << 400 << u"http.bad_path"_qs;
        QTest::newRow("broken escape") << httpGet("/a%zz") << 400 << u"http.bad_path"_qs;
        QTest::newRow("relative target") << httpGet("hello") << 400 << u"http.bad_target"_qs;
        QTest::newRow("unknown expectation") << httpGet("/hello", "Expect: teapot\r\n") << 417
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
        QVERIFY(client.send(httpPost("/echo", "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
                                 "0\r\n\r\n" + httpGet("/hello"))));
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
        const auto response = exchange(client, httpPost("/upload-small", "Content-Length: 1000\r\n"));
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
        const auto response = exchange(client, httpPost("/upload-small", "Transfer-Encoding: chunked\r\n",
                                                     chunkedBody(patternBytes(600), 60)));
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
        QTest::newRow("too large") << httpPost("/upload-small", "Content-Length: 1000\r\nExpect: 100-continue\r\n") << 413;
        QTest::newRow("refused by the route") << httpPost("/refuse", "Content-Length: 10\r\nExpect: 100-continue\r\n")
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
        const auto interim = exchange(client, httpPost("/echo", "Content-Length: 5\r\nExpect: 100-continue\r\n"));
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

    // A byte every 200 ms never stalls for the idle timeout, but averages
    // far below the floor: cut once a window has passed, and the message
    // names the rule.
    void cutsOffDrippedBodies()
    {
        m_options.limits.bodyProgress = {std::chrono::seconds(5), 1000, std::chrono::seconds(1)};
        QVERIFY(startServer());
        RawTcpClient client;
        QVERIFY(client.connectTo(m_server->port()));
        QVERIFY(client.send(httpPost("/upload", "Content-Length: 1000\r\n", "0123456789")));
        bool answered = false;
        for (int i = 0; i < 50 && !answered; ++i)
            answered = !client.send("a") || client.waitForData(200);
        QVERIFY(answered);
        const auto response = next(client);
        QCOMPARE(response.status, 408);
        QCOMPARE(response.errorCode(), u"http.body_timeout"_qs);
        QVERIFY2(response.body.contains("slower than 1000 bytes/s over 1 s"), response.body.constData());
        QCOMPARE(m_handler->sinkLog().aborted.load(), 1);
        QCOMPARE(m_handler->respondCalls(), 0);
    }

    void cutsOffStalledBodies()
    {
        m_options.limits.bodyProgress = {std::chrono::seconds(1), 0, std::chrono::seconds(60)};
        QVERIFY(startServer());
        RawTcpClient client;
        QVERIFY(client.connectTo(m_server->port()));
        QVERIFY(client.send(httpPost("/upload", "Content-Length: 1000\r\n", "0123456789")));
        QVERIFY(client.waitForData(5000));
        const auto response = next(client);
        QCOMPARE(response.status, 408);
        QVERIFY2(response.body.contains("no body bytes arrived for 1 s"), response.body.constData());
        QCOMPARE(m_handler->sinkLog().aborted.load(), 1);
    }

    // Slower than the old absolute deadline allowed, but steady: the body
    // takes several windows and several idle timeouts' worth, and is taken.
    void acceptsASteadyBodyLongerThanTheWindow()
    {
        m_options.limits.bodyProgress = {std::chrono::milliseconds(600), 100, std::chrono::milliseconds(500)};
        QVERIFY(startServer());
        RawTcpClient client;
        QVERIFY(client.connectTo(m_server->port()));
        QVERIFY(client.send(httpPost("/upload", "Content-Length: 1500\r\n")));
        for (int i = 0; i < 15; ++i) {
            QTest::qWait(100);
            QVERIFY(client.send(QByteArray(100, 'x')));
        }
        const auto response = next(client);
        QCOMPARE(response.status, 200);
        QCOMPARE(m_handler->sinkLog().finished.load(), 1);
    }

    void closesIdleConnectionsSilently()
    {
        m_options.limits.keepAliveTimeout = std::chrono::milliseconds(300);
        QVERIFY(startServer());
        RawTcpClient client;
        QCOMPARE(exchange(client, httpGet("/hello")).status, 200);
        QVERIFY(isClosedWithoutMore(client));
    }
};

QTEST_GUILESS_MAIN(TestHttpConformance)
#include "tst_httpconformance.moc"
