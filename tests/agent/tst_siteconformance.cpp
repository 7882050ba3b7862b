// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/server.h"
#include "tests/support/rawtcpclient.h"
#include "tests/support/sitebench.h"

#include <QtTest>

using namespace ddd;
using test::RawResponse;
using test::RawTcpClient;
using test::SiteBench;

// RFC 9112 on the site listener, over raw TCP: methods other than GET and
// HEAD, with and without bodies, unusual but valid requests, and malformed
// ones. The server's header and body deadlines are a minute, longer than
// any read here waits, so every answer seen proves the server did not wait
// for a deadline first.
class TestSiteConformance final : public QObject
{
    Q_OBJECT

    std::unique_ptr<SiteBench> m_bench;
    std::unique_ptr<agent::http::Server> m_server;

    static constexpr int kWaitMs = 10000;

    static QByteArray request(const QByteArray &line, const QByteArray &fields = {}, const QByteArray &body = {})
    {
        return line + "\r\nHost: alpha.localhost\r\n" + fields + "\r\n" + body;
    }

    bool connect(RawTcpClient &client) { return client.connectTo(m_server->port()); }

    static RawResponse answer(RawTcpClient &client, bool expectBody = true)
    {
        return client.readResponse(kWaitMs, expectBody).value_or(RawResponse());
    }

    // The next request on the same connection is still understood.
    static bool stillServes(RawTcpClient &client)
    {
        return client.send(request("GET / HTTP/1.1")) && answer(client).body == "<h1>alpha</h1>";
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_bench = std::make_unique<SiteBench>();
        m_bench->sites().reset({m_bench->site(1, u"alpha"_qs).file(u"index.html"_qs, "<h1>alpha</h1>").build()});
        agent::http::ServerOptions options;
        options.limits.headerTimeout = std::chrono::seconds(60);
        options.limits.bodyProgress.idleTimeout = std::chrono::seconds(60);
        options.limits.keepAliveTimeout = std::chrono::seconds(60);
        m_server = std::make_unique<agent::http::Server>(options, m_bench->pipeline());
        QVERIFY(m_server->start().ok());
    }

    void cleanupTestCase() { m_server.reset(); }

    // With a body the server does not read: 405 at once, then close, since
    // the body's framing is left unread. A body announced but never sent
    // must not hold the answer back either.
    void refusesOtherMethodsWithBodies_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("POST with body") << request("POST / HTTP/1.1", "Content-Length: 5\r\n", "hello");
        QTest::newRow("POST, body never sent") << request("POST / HTTP/1.1", "Content-Length: 100000\r\n");
        QTest::newRow("PUT chunked, unfinished")
            << request("PUT /index.html HTTP/1.1", "Transfer-Encoding: chunked\r\n", "5\r\nhel");
        QTest::newRow("POST expecting 100-continue")
            << request("POST / HTTP/1.1", "Content-Length: 5\r\nExpect: 100-continue\r\n");
        QTest::newRow("POST over HTTP/1.0") << request("POST / HTTP/1.0", "Content-Length: 3\r\n", "a=1");
    }

    void refusesOtherMethodsWithBodies()
    {
        QFETCH(QByteArray, raw);
        RawTcpClient client;
        QVERIFY(connect(client));
        QVERIFY(client.send(raw));
        const RawResponse response = answer(client);
        QCOMPARE(response.status, 405); // never an interim 100 first
        QCOMPARE(response.header("Allow"), QByteArray("GET, HEAD"));
        QCOMPARE(response.header("Connection"), QByteArray("close"));
        QVERIFY(client.waitForClosed(kWaitMs));
    }

    // Without a body the connection stays usable.
    void refusesOtherMethodsWithoutBodies_data()
    {
        QTest::addColumn<QByteArray>("line");
        for (const char *line : {"DELETE / HTTP/1.1", "OPTIONS * HTTP/1.1", "PATCH /x HTTP/1.1", "get / HTTP/1.1",
                                 "BREW /pot HTTP/1.1", "POST / HTTP/1.1"})
            QTest::newRow(line) << QByteArray(line);
    }

    void refusesOtherMethodsWithoutBodies()
    {
        QFETCH(QByteArray, line);
        RawTcpClient client;
        QVERIFY(connect(client));
        const QByteArray fields = line.startsWith("POST") ? "Content-Length: 0\r\n" : "";
        QVERIFY(client.send(request(line, fields)));
        const RawResponse response = answer(client);
        QCOMPARE(response.status, 405);
        QCOMPARE(response.header("Allow"), QByteArray("GET, HEAD"));
        QVERIFY(response.header("Connection").isNull());
        QVERIFY(stillServes(client));
    }

    void answersUnusualValidRequests_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<bool>("keptAlive");
        QTest::newRow("absolute-form") << QByteArray("GET http://alpha.localhost/ HTTP/1.1\r\nHost: other\r\n\r\n")
                                       << true;
        QTest::newRow("HTTP/1.0 keep-alive") << request("GET / HTTP/1.0", "Connection: keep-alive\r\n") << true;
        QTest::newRow("Expect on a GET") << request("GET / HTTP/1.1", "Expect: 100-continue\r\n") << true;
        QTest::newRow("GET with a body") << request("GET / HTTP/1.1", "Content-Length: 5\r\n", "hello") << false;
        QTest::newRow("GET with a body never sent") << request("GET / HTTP/1.1", "Content-Length: 5\r\n") << false;
        QTest::newRow("leading empty line") << "\r\n" + request("GET / HTTP/1.1") << true;
        QTest::newRow("query and fragment-free target") << request("GET /?a=1&b HTTP/1.1") << true;
        QTest::newRow("field without value") << request("GET / HTTP/1.1", "X-Empty:\r\n") << true;
        QTest::newRow("tab around value") << request("GET / HTTP/1.1", "Accept:\t*/*\t\r\n") << true;
        QTest::newRow("Host with port") << QByteArray("GET / HTTP/1.1\r\nHost: alpha.localhost:8081\r\n\r\n") << true;
    }

    void answersUnusualValidRequests()
    {
        QFETCH(QByteArray, raw);
        QFETCH(bool, keptAlive);
        RawTcpClient client;
        QVERIFY(connect(client));
        QVERIFY(client.send(raw));
        const RawResponse response = answer(client);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, QByteArray("<h1>alpha</h1>"));
        if (keptAlive)
            QVERIFY(stillServes(client));
        else
            QVERIFY(client.waitForClosed(kWaitMs));
    }

    // A malformed head gets its 4xx at once and the connection closes;
    // nothing waits for the header deadline.
    void refusesMalformedRequestsPromptly_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("status");
        QTest::newRow("obs-fold") << request("GET / HTTP/1.1", "X-A: b\r\n c\r\n") << 400;
        QTest::newRow("field without colon") << request("GET / HTTP/1.1", "Broken\r\n") << 400;
        QTest::newRow("space before colon") << request("GET / HTTP/1.1", "X-A : b\r\n") << 400;
        QTest::newRow("bad method token") << request("G(T / HTTP/1.1") << 400;
        QTest::newRow("two spaces") << request("GET  / HTTP/1.1") << 400;
        QTest::newRow("no version") << request("GET /") << 400;
        QTest::newRow("bad version") << request("GET / HTTP/1.x") << 400;
        QTest::newRow("HTTP/2.0") << request("GET / HTTP/2.0") << 505;
        QTest::newRow("HTTP/1.1 without Host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("NUL in a value") << request("GET / HTTP/1.1", QByteArray("X-A: a\0b\r\n", 10)) << 400;
        QTest::newRow("control character in target") << request("GET /a\x01 HTTP/1.1") << 400;
        QTest::newRow("bad chunk size") << request("GET / HTTP/1.1", "Transfer-Encoding: chunked, gzip\r\n") << 400;
        QTest::newRow("binary garbage") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", 15) << 400;
    }

    void refusesMalformedRequestsPromptly()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, status);
        RawTcpClient client;
        QVERIFY(connect(client));
        QVERIFY(client.send(raw));
        const RawResponse response = answer(client);
        QCOMPARE(response.status, status);
        QCOMPARE(response.header("Connection"), QByteArray("close"));
        QVERIFY(client.waitForClosed(kWaitMs));
    }
};

QTEST_GUILESS_MAIN(TestSiteConformance)
#include "tst_siteconformance.moc"
