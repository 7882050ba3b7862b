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

// The site pipeline behind a real http::Server on 127.0.0.1 and an
// OS-chosen port, driven over raw TCP: what a browser or curl would see,
// including the transport's own Host and framing rules.
class TestSiteListener final : public QObject
{
    Q_OBJECT

    std::unique_ptr<SiteBench> m_bench;
    std::unique_ptr<agent::http::Server> m_server;
    std::shared_ptr<const core::deploy::ProjectSite> m_alpha;
    QByteArray m_big; // 3 MiB: streamed in many chunks

    static QByteArray get(const QByteArray &target, const QByteArray &host, const QByteArray &fields = {})
    {
        return "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n" + fields + "\r\n";
    }

    // One request on a fresh connection.
    RawResponse send(const QByteArray &raw, bool expectBody = true)
    {
        RawTcpClient client;
        if (!client.connectTo(m_server->port()) || !client.send(raw))
            return {};
        return client.readResponse(10000, expectBody).value_or(RawResponse());
    }

    static bool leaksSystemFiles(const RawResponse &response)
    {
        return response.body.contains("root:") || response.body.contains("SECRET");
    }

    // The descriptor cache revalidates an entry once a second
    // (BlobDescriptorCache): until then only the bytes it checked may come
    // back, then the site refuses. The first answer that is not those bytes.
    RawResponse docsUntilRevalidated()
    {
        QElapsedTimer waited;
        waited.start();
        for (;;) {
            RawResponse response = send(get("/docs/", "alpha.localhost"));
            if (response.status != 200 || response.body != "docs" || waited.elapsed() > 10'000)
                return response;
            QTest::qWait(50);
        }
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        for (int i = 0; i < 3 * 1024 * 1024; ++i)
            m_big.append(char('a' + i % 26));
        m_bench = std::make_unique<SiteBench>();
        m_alpha = m_bench->site(1, u"alpha"_qs)
                      .domain(u"www.alpha.test"_qs)
                      .version(4)
                      .file(u"index.html"_qs, "<h1>alpha</h1>")
                      .file(u"docs/index.html"_qs, "docs")
                      .file(u"big.bin"_qs, m_big)
                      .file(u".env"_qs, "SECRET=1")
                      .build();
        agent::http::ServerOptions options;
        options.limits.headerTimeout = std::chrono::seconds(5);
        options.limits.keepAliveTimeout = std::chrono::seconds(5);
        m_server = std::make_unique<agent::http::Server>(options, m_bench->pipeline());
        QVERIFY(m_server->start().ok());
    }

    void init() { m_bench->sites().reset({m_alpha}); }

    // The server goes before the pipeline it calls.
    void cleanupTestCase() { m_server.reset(); }

    void servesByHost_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<int>("status");
        QTest::newRow("slug host") << QByteArray("alpha.localhost") << 200;
        QTest::newRow("domain") << QByteArray("www.alpha.test") << 200;
        QTest::newRow("upper case and port") << QByteArray("WWW.Alpha.TEST:8081") << 200;
        QTest::newRow("trailing dot") << QByteArray("alpha.localhost.") << 200;
        QTest::newRow("unknown") << QByteArray("beta.localhost") << 404;
    }

    void servesByHost()
    {
        QFETCH(QByteArray, host);
        QFETCH(int, status);
        const RawResponse response = send(get("/", host));
        QCOMPARE(response.status, status);
        QCOMPARE(response.body == "<h1>alpha</h1>", status == 200);
        QCOMPARE(response.header("X-DDD-Version").isNull(), status != 200);
        QCOMPARE(response.header("X-Content-Type-Options"), QByteArray("nosniff"));
    }

    void hostNeverBecomesAPath_data()
    {
        QTest::addColumn<QByteArray>("host");
        for (const char *host : {"../../etc", "..", "alpha.localhost/../../etc", "/etc/passwd", "%2e%2e",
                                 "alpha.localhost\\..", "."})
            QTest::newRow(host) << QByteArray(host);
    }

    void hostNeverBecomesAPath()
    {
        QFETCH(QByteArray, host);
        const RawResponse response = send(get("/passwd", host));
        QVERIFY2(response.status == 400 || response.status == 404, qPrintable(QString::number(response.status)));
        QVERIFY(!leaksSystemFiles(response));
    }

    void escapesOverTheWire_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::newRow("dot-dot") << QByteArray("/../agent.db") << 400;
        QTest::newRow("encoded dot-dot") << QByteArray("/%2e%2e/keys/jwt.key") << 400;
        QTest::newRow("encoded slashes") << QByteArray("/a/%2f..%2f..") << 400;
        QTest::newRow("encoded backslash") << QByteArray("/%5c..%5cagent.db") << 400;
        QTest::newRow("NUL") << QByteArray("/%00") << 400;
        QTest::newRow("double slash") << QByteArray("//etc/passwd") << 404;
        QTest::newRow("dotfile") << QByteArray("/.env") << 404;
    }

    void escapesOverTheWire()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        const RawResponse response = send(get(target, "alpha.localhost"));
        QCOMPARE(response.status, status);
        QVERIFY(!leaksSystemFiles(response));
    }

    void largeFileArrivesIntact()
    {
        const RawResponse response = send(get("/big.bin", "alpha.localhost"));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("Content-Length"), QByteArray::number(m_big.size()));
        QVERIFY(response.body == m_big);
    }

    // HEAD announces the GET's length without a body; the connection's
    // framing stays intact for the next request.
    void headKeepsTheConnectionInStep()
    {
        RawTcpClient client;
        QVERIFY(client.connectTo(m_server->port()));
        QVERIFY(client.send("HEAD /big.bin HTTP/1.1\r\nHost: alpha.localhost\r\n\r\n"));
        const std::optional<RawResponse> head = client.readResponse(10000, false);
        QVERIFY(head);
        QCOMPARE(head->status, 200);
        QCOMPARE(head->header("Content-Length"), QByteArray::number(m_big.size()));
        QVERIFY(head->body.isEmpty());
        QVERIFY(client.send(get("/", "alpha.localhost")));
        const std::optional<RawResponse> next = client.readResponse();
        QVERIFY(next);
        QCOMPARE(next->body, QByteArray("<h1>alpha</h1>"));
    }

    void rangeOverTheWire()
    {
        const RawResponse part = send(get("/big.bin", "alpha.localhost", "Range: bytes=100-199\r\n"));
        QCOMPARE(part.status, 206);
        QCOMPARE(part.header("Content-Range"), "bytes 100-199/" + QByteArray::number(m_big.size()));
        QCOMPARE(part.header("Content-Length"), QByteArray("100"));
        QCOMPARE(part.body, m_big.mid(100, 100));
        const RawResponse tail = send(get("/big.bin", "alpha.localhost", "Range: bytes=-10\r\n"));
        QCOMPARE(tail.body, m_big.right(10));
        const RawResponse none = send(get("/big.bin", "alpha.localhost", "Range: bytes=99999999-\r\n"));
        QCOMPARE(none.status, 416);
        QCOMPARE(none.header("Content-Range"), "bytes */" + QByteArray::number(m_big.size()));
        QVERIFY(none.body.isEmpty());
    }

    void notModifiedKeepsTheConnectionInStep()
    {
        RawTcpClient client;
        QVERIFY(client.connectTo(m_server->port()));
        QVERIFY(client.send(get("/", "alpha.localhost")));
        const std::optional<RawResponse> first = client.readResponse();
        QVERIFY(first);
        const QByteArray etag = first->header("ETag");
        QCOMPARE(etag, '"' + test::SiteBuilder::sha256("<h1>alpha</h1>") + '"');
        QVERIFY(client.send(get("/", "alpha.localhost", "If-None-Match: " + etag + "\r\n")));
        const std::optional<RawResponse> second = client.readResponse();
        QVERIFY(second);
        QCOMPARE(second->status, 304);
        QVERIFY(second->body.isEmpty());
        QCOMPARE(second->header("ETag"), etag);
        QVERIFY(client.send(get("/docs/", "alpha.localhost")));
        const std::optional<RawResponse> third = client.readResponse();
        QVERIFY(third);
        QCOMPARE(third->body, QByteArray("docs"));
    }

    void redirectAndMethodOverTheWire()
    {
        const RawResponse redirect = send(get("/docs?page=2", "alpha.localhost"));
        QCOMPARE(redirect.status, 301);
        QCOMPARE(redirect.header("Location"), QByteArray("/docs/?page=2"));
        const RawResponse refused = send("DELETE / HTTP/1.1\r\nHost: alpha.localhost\r\n\r\n");
        QCOMPARE(refused.status, 405);
        QCOMPARE(refused.header("Allow"), QByteArray("GET, HEAD"));
    }

    void absoluteFormNamesTheSite()
    {
        const RawResponse response = send(get("http://alpha.localhost/docs/", "unknown.test"));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, QByteArray("docs"));
    }

    void nextRequestSeesTheNewVersion()
    {
        RawTcpClient client;
        QVERIFY(client.connectTo(m_server->port()));
        QVERIFY(client.send(get("/", "alpha.localhost")));
        const std::optional<RawResponse> before = client.readResponse();
        QVERIFY(before);
        QCOMPARE(before->header("X-DDD-Version"), QByteArray("4"));
        m_bench->sites().publish(m_bench->site(1, u"alpha"_qs).version(5).file(u"index.html"_qs, "<h1>five</h1>").build());
        QVERIFY(client.send(get("/", "alpha.localhost")));
        const std::optional<RawResponse> after = client.readResponse();
        QVERIFY(after);
        QCOMPARE(after->header("X-DDD-Version"), QByteArray("5"));
        QCOMPARE(after->body, QByteArray("<h1>five</h1>"));
    }

    // Pipelined requests on one connection: every answer in order, a file
    // range, a HEAD and a whole large file sent with sendfile(2) between
    // in-memory ones, each exactly its announced length.
    void pipelinedAnswersStayInOrder()
    {
        RawTcpClient client;
        QVERIFY(client.connectTo(m_server->port()));
        QVERIFY(client.send(get("/big.bin", "alpha.localhost") + get("/nope", "alpha.localhost")
                            + get("/big.bin", "alpha.localhost", "Range: bytes=5-9\r\n")
                            + "HEAD /big.bin HTTP/1.1\r\nHost: alpha.localhost\r\n\r\n" + get("/", "alpha.localhost")));
        const std::optional<RawResponse> whole = client.readResponse(10000);
        QVERIFY(whole);
        QVERIFY(whole->body == m_big);
        const std::optional<RawResponse> missing = client.readResponse();
        QVERIFY(missing);
        QCOMPARE(missing->status, 404);
        const std::optional<RawResponse> range = client.readResponse();
        QVERIFY(range);
        QCOMPARE(range->status, 206);
        QCOMPARE(range->body, m_big.mid(5, 5));
        const std::optional<RawResponse> head = client.readResponse(5000, false);
        QVERIFY(head);
        QCOMPARE(head->header("Content-Length"), QByteArray::number(m_big.size()));
        const std::optional<RawResponse> page = client.readResponse();
        QVERIFY(page);
        QCOMPARE(page->body, QByteArray("<h1>alpha</h1>"));
    }

    void answersHttp10()
    {
        RawTcpClient client;
        QVERIFY(client.connectTo(m_server->port()));
        QVERIFY(client.send("GET /big.bin HTTP/1.0\r\nHost: alpha.localhost\r\n\r\n"));
        const std::optional<QByteArray> raw = client.readUntilClosed(10000);
        QVERIFY(raw);
        QVERIFY(raw->startsWith("HTTP/1.1 200 OK\r\n"));
        QVERIFY(raw->endsWith(m_big));
        const RawResponse withoutHost = send("GET / HTTP/1.0\r\n\r\n");
        QCOMPARE(withoutHost.status, 404); // no Host names no site, but the request is valid
    }

    // A blob served once (its descriptor cached) and then removed from the
    // store is not served from the stale descriptor.
    void removedBlobIsNotServedFromTheCache()
    {
        QCOMPARE(send(get("/docs/", "alpha.localhost")).status, 200);
        const QString blob = test::SiteBuilder::blobPath(m_bench->blobsRoot(), test::SiteBuilder::sha256("docs"));
        QVERIFY(QFile::remove(blob));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"site\\.blob_missing"_qs));
        const RawResponse response = docsUntilRevalidated();
        m_bench->site(1, u"alpha"_qs).file(u"docs/index.html"_qs, "docs"); // the blob back for later tests
        QCOMPARE(response.status, 500);
        QCOMPARE(send(get("/docs/", "alpha.localhost")).body, QByteArray("docs"));
    }

    void symlinkedBlobIsNotServed()
    {
        const QString blob = test::SiteBuilder::blobPath(m_bench->blobsRoot(), test::SiteBuilder::sha256("docs"));
        QVERIFY(QFile::remove(blob));
        QVERIFY(QFile::link(u"/etc/passwd"_qs, blob));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"site\\.blob_not_regular"_qs));
        const RawResponse response = docsUntilRevalidated();
        QVERIFY(QFile::remove(blob));
        m_bench->site(1, u"alpha"_qs).file(u"docs/index.html"_qs, "docs"); // the blob back for later tests
        QCOMPARE(response.status, 500);
        QVERIFY(!leaksSystemFiles(response));
    }
};

QTEST_GUILESS_MAIN(TestSiteListener)
#include "tst_sitelistener.moc"
