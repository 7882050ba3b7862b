// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/sitebench.h"

#include <QtTest>

using namespace ddd;
using agent::http::Response;
using test::SiteBench;

// The headers a site answer carries and the conditional and range requests
// that narrow it: Content-Type, Cache-Control, security headers, strong
// ETags with 304, single byte ranges with 206 / 416, and HEAD.
class TestSiteHeaders final : public QObject
{
    Q_OBJECT

    std::unique_ptr<SiteBench> m_bench;
    std::shared_ptr<const core::deploy::ProjectSite> m_alpha;
    QByteArray m_big; // big.bin: 1000 distinct-ish bytes

    QByteArray etagOf(const QByteArray &content) const { return '"' + test::SiteBuilder::sha256(content) + '"'; }

    Response get(const QByteArray &target, const SiteBench::HeaderList &headers = {})
    {
        return m_bench->get(u"alpha.localhost"_qs, target, headers);
    }

    // Serves one file named `path` from a fresh version and returns the answer.
    Response serveNamed(const QString &path, const QByteArray &content = "x")
    {
        m_bench->sites().publish(m_bench->site(2, u"named"_qs).file(path, content).build());
        return m_bench->get(u"named.localhost"_qs, '/' + path.toUtf8());
    }

    void buildSite()
    {
        m_alpha = m_bench->site(1, u"alpha"_qs)
                      .version(7)
                      .file(u"index.html"_qs, "<h1>home</h1>")
                      .file(u"big.bin"_qs, m_big)
                      .file(u"empty.txt"_qs, "")
                      .file(u"docs/index.html"_qs, "docs")
                      .file(u"404.html"_qs, "not found page")
                      .build();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        for (int i = 0; i < 1000; ++i)
            m_big.append(char(i % 251));
        m_bench = std::make_unique<SiteBench>();
        buildSite();
    }

    // Blobs are immutable and content-addressed, so tests share them; only
    // the live snapshot goes back to the start.
    void init() { m_bench->sites().reset({m_alpha}); }

    void contentTypeFromTheExtension_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("type");
        const QByteArray html = "text/html; charset=utf-8";
        QTest::newRow("html") << u"a.html"_qs << html;
        QTest::newRow("htm") << u"a.htm"_qs << html;
        QTest::newRow("upper-case extension") << u"A.HTML"_qs << html;
        QTest::newRow("css") << u"a.css"_qs << QByteArray("text/css; charset=utf-8");
        QTest::newRow("js") << u"a.js"_qs << QByteArray("text/javascript; charset=utf-8");
        QTest::newRow("mjs") << u"a.mjs"_qs << QByteArray("text/javascript; charset=utf-8");
        QTest::newRow("json") << u"a.json"_qs << QByteArray("application/json");
        QTest::newRow("source map") << u"a.js.map"_qs << QByteArray("application/json");
        QTest::newRow("webmanifest") << u"site.webmanifest"_qs << QByteArray("application/manifest+json");
        QTest::newRow("svg") << u"a.svg"_qs << QByteArray("image/svg+xml");
        QTest::newRow("png") << u"a.png"_qs << QByteArray("image/png");
        QTest::newRow("jpg") << u"a.jpg"_qs << QByteArray("image/jpeg");
        QTest::newRow("jpeg") << u"a.jpeg"_qs << QByteArray("image/jpeg");
        QTest::newRow("gif") << u"a.gif"_qs << QByteArray("image/gif");
        QTest::newRow("webp") << u"a.webp"_qs << QByteArray("image/webp");
        QTest::newRow("avif") << u"a.avif"_qs << QByteArray("image/avif");
        QTest::newRow("ico") << u"favicon.ico"_qs << QByteArray("image/x-icon");
        QTest::newRow("txt") << u"robots.txt"_qs << QByteArray("text/plain; charset=utf-8");
        QTest::newRow("xml") << u"sitemap.xml"_qs << QByteArray("text/xml; charset=utf-8");
        QTest::newRow("pdf") << u"a.pdf"_qs << QByteArray("application/pdf");
        QTest::newRow("woff") << u"a.woff"_qs << QByteArray("font/woff");
        QTest::newRow("woff2") << u"a.woff2"_qs << QByteArray("font/woff2");
        QTest::newRow("ttf") << u"a.ttf"_qs << QByteArray("font/ttf");
        QTest::newRow("otf") << u"a.otf"_qs << QByteArray("font/otf");
        QTest::newRow("wasm") << u"a.wasm"_qs << QByteArray("application/wasm");
        QTest::newRow("mp4") << u"a.mp4"_qs << QByteArray("video/mp4");
        QTest::newRow("webm") << u"a.webm"_qs << QByteArray("video/webm");
        QTest::newRow("mp3") << u"a.mp3"_qs << QByteArray("audio/mpeg");
        QTest::newRow("ogg") << u"a.ogg"_qs << QByteArray("audio/ogg");
        QTest::newRow("zip") << u"a.zip"_qs << QByteArray("application/zip");
        QTest::newRow("gz") << u"a.tar.gz"_qs << QByteArray("application/gzip");
        QTest::newRow("csv") << u"a.csv"_qs << QByteArray("text/csv; charset=utf-8");
        QTest::newRow("md") << u"README.md"_qs << QByteArray("text/markdown; charset=utf-8");
        QTest::newRow("no extension") << u"LICENSE"_qs << QByteArray("application/octet-stream");
        QTest::newRow("dot only in a directory") << u"v1.2/notes"_qs << QByteArray("application/octet-stream");
        QTest::newRow("unknown") << u"a.exe"_qs << QByteArray("application/octet-stream");
    }

    void contentTypeFromTheExtension()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, type);
        const Response response = serveNamed(path);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.headers.value("Content-Type"), type);
    }

    void contentIsNeverSniffed()
    {
        const Response text = serveNamed(u"notes.txt"_qs, "<html><script>alert(1)</script>");
        QCOMPARE(text.headers.value("Content-Type"), QByteArray("text/plain; charset=utf-8"));
        QCOMPARE(text.headers.value("X-Content-Type-Options"), QByteArray("nosniff"));
        const Response unknown = serveNamed(u"payload.bin2"_qs, "<html><script>alert(1)</script>");
        QCOMPARE(unknown.headers.value("Content-Type"), QByteArray("application/octet-stream"));
    }

    void cacheControl_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("policy");
        const QByteArray year = "public, max-age=31536000, immutable";
        const QByteArray revalidate = "public, max-age=0, must-revalidate";
        QTest::newRow("html") << u"index.html"_qs << QByteArray("no-cache");
        QTest::newRow("fingerprinted html") << u"page.3f2a9c1b.html"_qs << QByteArray("no-cache");
        QTest::newRow("dot fingerprint") << u"app.3f2a9c1b.js"_qs << year;
        QTest::newRow("hyphen fingerprint") << u"assets/index-4f3b2c1a.js"_qs << year;
        QTest::newRow("long fingerprint") << u"chunk.3f2a9c1b4d5e6f70.css"_qs << year;
        QTest::newRow("upper-case fingerprint") << u"app.3F2A9C1B.js"_qs << year;
        QTest::newRow("two extensions") << u"app.3f2a9c1b.js.map"_qs << year;
        QTest::newRow("plain asset") << u"logo.png"_qs << revalidate;
        QTest::newRow("seven hex digits") << u"app.3f2a9c1.js"_qs << revalidate;
        QTest::newRow("date, digits only") << u"report.20240101.pdf"_qs << revalidate;
        QTest::newRow("hex, letters only") << u"logo.deadbeef.svg"_qs << year;
        QTest::newRow("not hex") << u"app.3f2a9c1g.js"_qs << revalidate;
        QTest::newRow("hash is the whole name") << u"3f2a9c1b0.js"_qs << revalidate;
        QTest::newRow("no extension") << u"3f2a9c1b/data"_qs << revalidate;
    }

    void cacheControl()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, policy);
        QCOMPARE(serveNamed(path).headers.value("Cache-Control"), policy);
    }

    void securityHeadersOnEveryAnswer_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::newRow("file") << QByteArray("GET") << u"alpha.localhost"_qs << QByteArray("/") << 200;
        QTest::newRow("HEAD") << QByteArray("HEAD") << u"alpha.localhost"_qs << QByteArray("/") << 200;
        QTest::newRow("redirect") << QByteArray("GET") << u"alpha.localhost"_qs << QByteArray("/docs") << 301;
        QTest::newRow("404.html") << QByteArray("GET") << u"alpha.localhost"_qs << QByteArray("/nope") << 404;
        QTest::newRow("dotfile") << QByteArray("GET") << u"alpha.localhost"_qs << QByteArray("/.env") << 404;
        QTest::newRow("bad path") << QByteArray("GET") << u"alpha.localhost"_qs << QByteArray("/%00") << 400;
        QTest::newRow("unknown host") << QByteArray("GET") << u"nobody.test"_qs << QByteArray("/") << 404;
        QTest::newRow("method") << QByteArray("POST") << u"alpha.localhost"_qs << QByteArray("/") << 405;
    }

    void securityHeadersOnEveryAnswer()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, host);
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        const Response response = m_bench->call(method, host, target);
        QCOMPARE(response.status, status);
        QCOMPARE(response.headers.value("X-Content-Type-Options"), QByteArray("nosniff"));
        QCOMPARE(response.headers.value("Referrer-Policy"), QByteArray("strict-origin-when-cross-origin"));
        QCOMPARE(response.headers.value("X-Frame-Options"), QByteArray("SAMEORIGIN"));
        QVERIFY(!response.headers.contains("Content-Security-Policy"));
        QVERIFY(response.headers.contains("Content-Type"));
    }

    void securityHeadersAreConfigurable()
    {
        agent::site::SitePipeline::Options options;
        options.securityHeaders = {{"X-Frame-Options", "DENY"}};
        SiteBench bench(options);
        bench.sites().publish(bench.site(1, u"alpha"_qs).file(u"index.html"_qs, "home").build());
        const Response response = bench.get(u"alpha.localhost"_qs, "/");
        QCOMPARE(response.headers.value("X-Frame-Options"), QByteArray("DENY"));
        QVERIFY(!response.headers.contains("Referrer-Policy"));
        QCOMPARE(response.headers.value("X-Content-Type-Options"), QByteArray("nosniff"));
    }

    void versionHeaderNamesTheAnsweringVersion()
    {
        QCOMPARE(get("/").headers.value("X-DDD-Version"), QByteArray("7"));
        QCOMPARE(get("/nope").headers.value("X-DDD-Version"), QByteArray("7"));
        QCOMPARE(get("/big.bin", {{"Range", "bytes=0-0"}}).headers.value("X-DDD-Version"), QByteArray("7"));
    }

    void etagIsTheContentHashAcrossDeploys()
    {
        QCOMPARE(get("/").headers.value("ETag"), etagOf("<h1>home</h1>"));
        m_bench->sites().publish(m_bench->site(1, u"alpha"_qs).version(8).file(u"index.html"_qs, "<h1>home</h1>").build());
        QCOMPARE(get("/").headers.value("ETag"), etagOf("<h1>home</h1>"));
        m_bench->sites().publish(m_bench->site(1, u"alpha"_qs).version(9).file(u"index.html"_qs, "<h1>new</h1>").build());
        QCOMPARE(get("/").headers.value("ETag"), etagOf("<h1>new</h1>"));
    }

    void ifNoneMatch_data()
    {
        QTest::addColumn<QByteArrayList>("fields");
        QTest::addColumn<int>("status");
        const QByteArray tag = etagOf("<h1>home</h1>");
        QTest::newRow("same tag") << QByteArrayList{tag} << 304;
        QTest::newRow("in a list") << QByteArrayList{"\"old\", " + tag + ", \"other\""} << 304;
        QTest::newRow("weak form matches") << QByteArrayList{"W/" + tag} << 304;
        QTest::newRow("any") << QByteArrayList{"*"} << 304;
        QTest::newRow("second field") << QByteArrayList{"\"old\"", tag} << 304;
        QTest::newRow("other tag") << QByteArrayList{"\"old\""} << 200;
        QTest::newRow("unquoted") << QByteArrayList{tag.mid(1, tag.size() - 2)} << 200;
        QTest::newRow("malformed before the tag") << QByteArrayList{"old, " + tag} << 200;
        QTest::newRow("unterminated") << QByteArrayList{tag.chopped(1)} << 200;
    }

    void ifNoneMatch()
    {
        QFETCH(QByteArrayList, fields);
        QFETCH(int, status);
        SiteBench::HeaderList headers;
        for (const QByteArray &field : fields)
            headers.append({"If-None-Match", field});
        const Response response = get("/", headers);
        QCOMPARE(response.status, status);
        QCOMPARE(response.headers.value("ETag"), etagOf("<h1>home</h1>"));
        QCOMPARE(response.headers.value("Cache-Control"), QByteArray("no-cache"));
        if (status == 304) {
            QVERIFY(!response.file);
            QVERIFY(response.body.isEmpty());
            QVERIFY(!response.headers.contains("Content-Type"));
        }
    }

    void notFoundPageIsNeverNotModified()
    {
        const Response response = get("/nope", {{"If-None-Match", "*"}});
        QCOMPARE(response.status, 404);
        QCOMPARE(SiteBench::body(response), QByteArray("not found page"));
    }

    void ranges_data()
    {
        QTest::addColumn<QByteArray>("range");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentRange");
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("length");
        QTest::newRow("a-b") << QByteArray("bytes=0-99") << 206 << QByteArray("bytes 0-99/1000") << 0 << 100;
        QTest::newRow("one byte") << QByteArray("bytes=10-10") << 206 << QByteArray("bytes 10-10/1000") << 10 << 1;
        QTest::newRow("a-") << QByteArray("bytes=900-") << 206 << QByteArray("bytes 900-999/1000") << 900 << 100;
        QTest::newRow("-n") << QByteArray("bytes=-100") << 206 << QByteArray("bytes 900-999/1000") << 900 << 100;
        QTest::newRow("end clamped") << QByteArray("bytes=990-5000") << 206 << QByteArray("bytes 990-999/1000") << 990 << 10;
        QTest::newRow("suffix longer than file") << QByteArray("bytes=-5000") << 206 << QByteArray("bytes 0-999/1000") << 0 << 1000;
        QTest::newRow("unit case, spaces") << QByteArray(" BYTES=0-0 ") << 206 << QByteArray("bytes 0-0/1000") << 0 << 1;
        QTest::newRow("start past the end") << QByteArray("bytes=1000-") << 416 << QByteArray("bytes */1000") << 0 << 0;
        QTest::newRow("huge start") << QByteArray("bytes=99999999999999999999999-") << 416 << QByteArray("bytes */1000") << 0 << 0;
        QTest::newRow("empty suffix") << QByteArray("bytes=-0") << 416 << QByteArray("bytes */1000") << 0 << 0;
        QTest::newRow("several ranges") << QByteArray("bytes=0-1,5-6") << 200 << QByteArray() << 0 << 1000;
        QTest::newRow("reversed") << QByteArray("bytes=5-1") << 200 << QByteArray() << 0 << 1000;
        QTest::newRow("other unit") << QByteArray("items=0-1") << 200 << QByteArray() << 0 << 1000;
        QTest::newRow("not a number") << QByteArray("bytes=a-b") << 200 << QByteArray() << 0 << 1000;
        QTest::newRow("sign") << QByteArray("bytes=+1-2") << 200 << QByteArray() << 0 << 1000;
        QTest::newRow("no dash") << QByteArray("bytes=5") << 200 << QByteArray() << 0 << 1000;
        QTest::newRow("empty set") << QByteArray("bytes=") << 200 << QByteArray() << 0 << 1000;
    }

    void ranges()
    {
        QFETCH(QByteArray, range);
        QFETCH(int, status);
        QFETCH(QByteArray, contentRange);
        QFETCH(int, first);
        QFETCH(int, length);
        const Response response = get("/big.bin", {{"Range", range}});
        QCOMPARE(response.status, status);
        QCOMPARE(response.headers.value("Content-Range"), contentRange);
        QCOMPARE(response.headers.value("Accept-Ranges"), QByteArray("bytes"));
        QCOMPARE(SiteBench::body(response), status == 416 ? QByteArray() : m_big.mid(first, length));
        QCOMPARE(!response.file, status == 416);
    }

    void emptyFileHasNoSatisfiableRange()
    {
        const Response whole = get("/empty.txt");
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.fileLength, 0);
        const Response ranged = get("/empty.txt", {{"Range", "bytes=0-"}});
        QCOMPARE(ranged.status, 416);
        QCOMPARE(ranged.headers.value("Content-Range"), QByteArray("bytes */0"));
    }

    void ifRange_data()
    {
        QTest::addColumn<QByteArray>("condition");
        QTest::addColumn<int>("status");
        QTest::newRow("current tag") << etagOf(m_big) << 206;
        QTest::newRow("old tag") << QByteArray("\"old\"") << 200;
        QTest::newRow("weak tag") << "W/" + etagOf(m_big) << 200;
        QTest::newRow("date") << QByteArray("Wed, 21 Oct 2015 07:28:00 GMT") << 200;
    }

    void ifRange()
    {
        QFETCH(QByteArray, condition);
        QFETCH(int, status);
        const Response response = get("/big.bin", {{"Range", "bytes=0-9"}, {"If-Range", condition}});
        QCOMPARE(response.status, status);
        QCOMPARE(SiteBench::body(response).size(), status == 206 ? 10 : 1000);
    }

    void notModifiedWinsOverRange()
    {
        const Response response = get("/big.bin", {{"Range", "bytes=0-9"}, {"If-None-Match", etagOf(m_big)}});
        QCOMPARE(response.status, 304);
        QVERIFY(!response.headers.contains("Content-Range"));
    }

    void rangeOnlyForRealFiles()
    {
        QCOMPARE(get("/nope", {{"Range", "bytes=0-1"}}).status, 404);
        QCOMPARE(get("/docs", {{"Range", "bytes=0-1"}}).status, 301);
    }

    void headAnswersLikeGetWithoutBody_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("range");
        QTest::newRow("file") << QByteArray("/") << QByteArray();
        QTest::newRow("redirect") << QByteArray("/docs") << QByteArray();
        QTest::newRow("404.html") << QByteArray("/nope") << QByteArray();
        QTest::newRow("bad path") << QByteArray("/%00") << QByteArray();
        // RFC 9110 defines range handling for GET only.
        QTest::newRow("range ignored") << QByteArray("/big.bin") << QByteArray("bytes=0-9");
    }

    void headAnswersLikeGetWithoutBody()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, range);
        const SiteBench::HeaderList headers = range.isEmpty() ? SiteBench::HeaderList{} : SiteBench::HeaderList{{"Range", range}};
        const Response head = m_bench->call("HEAD", u"alpha.localhost"_qs, target, headers);
        const Response get = m_bench->call("GET", u"alpha.localhost"_qs, target);
        QVERIFY(head.headOnly);
        QVERIFY(!get.headOnly);
        QCOMPARE(head.status, get.status);
        QCOMPARE(head.headers.all(), get.headers.all());
        QCOMPARE(head.file, get.file);   // the server takes Content-Length from it
        QCOMPARE(head.fileLength, get.fileLength);
        QCOMPARE(head.body, get.body);
    }
};

QTEST_GUILESS_MAIN(TestSiteHeaders)
#include "tst_siteheaders.moc"
