// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/filestage.h"
#include "agent/site/hoststage.h"
#include "agent/site/pathstage.h"
#include "tests/support/sitebench.h"

#include <QtTest>

using namespace ddd;
using agent::http::Response;
using test::SiteBench;

// Routing by Host, the method and path stages, and how the file stage picks
// content: index files, trailing-slash redirects, 404.html, the SPA shell,
// and one version per request.
class TestSitePipeline final : public QObject
{
    Q_OBJECT

    std::unique_ptr<SiteBench> m_bench;
    QList<std::shared_ptr<const core::deploy::ProjectSite>> m_initialSites;

    void buildSites()
    {
        m_initialSites.append(m_bench->site(1, u"alpha"_qs)
                                  .domain(u"www.alpha.test"_qs)
                                  .version(3)
                                  .file(u"index.html"_qs, "alpha home")
                                  .file(u"docs/index.html"_qs, "docs index")
                                  .file(u"docs/guide.html"_qs, "guide")
                                  .file(u"my docs/index.html"_qs, "spaced")
                                  .file(u"style.css"_qs, "body{}")
                                  .file(u".well-known/security.txt"_qs, "contact")
                                  .file(u".env"_qs, "SECRET=1")
                                  .file(u".git/config"_qs, "[core]")
                                  .file(u"docs/.htaccess"_qs, "deny")
                                  .file(u"404.html"_qs, "alpha not found")
                                  .build());
        m_initialSites.append(m_bench->site(2, u"beta"_qs)
                                  .spa(true)
                                  .file(u"index.html"_qs, "beta shell")
                                  .file(u"app.js"_qs, "app()")
                                  .file(u"404.html"_qs, "beta not found")
                                  .build());
        m_initialSites.append(m_bench->site(3, u"gamma"_qs).file(u"index.html"_qs, "gamma home").build());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_bench = std::make_unique<SiteBench>();
        buildSites();
    }

    // Blobs are immutable and content-addressed, so tests share them; only
    // the live snapshot goes back to the start.
    void init() { m_bench->sites().reset(m_initialSites); }

    // No stage may block today, so every site answer is planned for the
    // I/O thread; a body is never read, and only a host that serves a site
    // names the metrics bucket.
    void plansInlineBodilessAnswers_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("metricsHost");
        QTest::newRow("file") << QByteArray("GET") << u"alpha.localhost"_qs << u"alpha.localhost"_qs;
        QTest::newRow("domain") << QByteArray("HEAD") << u"www.alpha.test"_qs << u"www.alpha.test"_qs;
        QTest::newRow("unknown host") << QByteArray("GET") << u"nobody.localhost"_qs << QString();
        QTest::newRow("405 for a site") << QByteArray("POST") << u"alpha.localhost"_qs << u"alpha.localhost"_qs;
        QTest::newRow("405, unknown host") << QByteArray("DELETE") << u"nobody.localhost"_qs << QString();
    }

    void plansInlineBodilessAnswers()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, host);
        QFETCH(QString, metricsHost);
        agent::http::Request request;
        request.method = method;
        request.target = "/";
        request.host = host;
        QVERIFY(m_bench->pipeline().plansInline());
        const agent::http::RequestPlan plan = m_bench->pipeline().plan(request);
        QVERIFY(plan.inlineSafe);
        QVERIFY(plan.ignoresBody);
        QCOMPARE(plan.bodyLimit, 0);
        QVERIFY(!plan.answer);
        QCOMPARE(plan.metricsHost, metricsHost);
    }

    void planNeverRefusesAndReadsNoBody()
    {
        agent::http::Request request;
        request.method = "POST";
        request.target = "/upload";
        request.host = u"www.alpha.test"_qs;
        const agent::http::RequestPlan plan = m_bench->pipeline().plan(request);
        QVERIFY(!plan.answer);
        QCOMPARE(plan.bodyLimit, 0);
        QVERIFY(!plan.sink);
        QCOMPARE(plan.routeLabel, u"site"_qs);
        QCOMPARE(plan.respond(request).status, 405);
    }

    void routesByHost_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("version");
        QTest::newRow("domain") << u"www.alpha.test"_qs << 200 << QByteArray("alpha home") << QByteArray("3");
        QTest::newRow("slug host") << u"alpha.localhost"_qs << 200 << QByteArray("alpha home") << QByteArray("3");
        QTest::newRow("other project") << u"beta.localhost"_qs << 200 << QByteArray("beta shell") << QByteArray("1");
        QTest::newRow("unknown") << u"nobody.test"_qs << 404 << QByteArray("Not Found\n") << QByteArray();
        QTest::newRow("bare slug") << u"alpha"_qs << 404 << QByteArray("Not Found\n") << QByteArray();
        QTest::newRow("base domain") << u"localhost"_qs << 404 << QByteArray("Not Found\n") << QByteArray();
        QTest::newRow("suffix trick") << u"alpha.localhost.evil.test"_qs << 404 << QByteArray("Not Found\n") << QByteArray();
        QTest::newRow("empty") << QString() << 404 << QByteArray("Not Found\n") << QByteArray();
        QTest::newRow("path-like host") << u"../../etc"_qs << 404 << QByteArray("Not Found\n") << QByteArray();
        // Request::host arrives lower-cased from the HTTP layer (tested over
        // sockets in tst_sitelistener); the pipeline itself matches exactly.
        QTest::newRow("not lower-cased") << u"WWW.ALPHA.TEST"_qs << 404 << QByteArray("Not Found\n") << QByteArray();
    }

    void routesByHost()
    {
        QFETCH(QString, host);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, version);
        const Response response = m_bench->get(host, "/");
        QCOMPARE(response.status, status);
        QCOMPARE(SiteBench::body(response), body);
        QCOMPARE(response.headers.value("X-DDD-Version"), version);
        if (status != 200)
            QVERIFY(!response.file);
    }

    void unknownHostLooksLikeAnyMissingPage()
    {
        const Response unknown = m_bench->get(u"nobody.test"_qs, "/");
        const Response missing = m_bench->get(u"gamma.localhost"_qs, "/nothing-here");
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.body, missing.body);
        QCOMPARE(unknown.headers.value("Content-Type"), missing.headers.value("Content-Type"));
        QVERIFY(!unknown.body.contains("alpha"));
    }

    void refusesOtherMethods_data()
    {
        QTest::addColumn<QByteArray>("method");
        for (const char *method : {"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "get", "head"})
            QTest::newRow(method) << QByteArray(method);
    }

    void refusesOtherMethods()
    {
        QFETCH(QByteArray, method);
        const Response response = m_bench->call(method, u"www.alpha.test"_qs, "/index.html");
        QCOMPARE(response.status, 405);
        QCOMPARE(response.headers.value("Allow"), QByteArray("GET, HEAD"));
        QVERIFY(!response.file);
    }

    void refusesEscapes_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::newRow("dot-dot") << QByteArray("/../agent.db") << 400;
        QTest::newRow("encoded dot-dot") << QByteArray("/%2e%2e/keys/jwt.key") << 400;
        QTest::newRow("mixed-case encoding") << QByteArray("/%2E%2e/keys/jwt.key") << 400;
        QTest::newRow("encoded slashes") << QByteArray("/a/%2f..%2f..") << 400;
        QTest::newRow("climb from a directory") << QByteArray("/docs/../../agent.db") << 400;
        QTest::newRow("backslash") << QByteArray("/\\..\\") << 400;
        QTest::newRow("encoded backslash") << QByteArray("/%5c..%5cagent.db") << 400;
        QTest::newRow("NUL") << QByteArray("/%00") << 400;
        QTest::newRow("NUL before extension") << QByteArray("/index.html%00.css") << 400;
        QTest::newRow("control character") << QByteArray("/a%0Ab") << 400;
        QTest::newRow("overlong dot") << QByteArray("/%c0%ae%c0%ae/agent.db") << 400;
        QTest::newRow("broken escape") << QByteArray("/%zz") << 400;
        QTest::newRow("asterisk") << QByteArray("*") << 400;
        QTest::newRow("no slash") << QByteArray("index.html") << 400;
        QTest::newRow("git") << QByteArray("/.git/config") << 404;
        QTest::newRow("env") << QByteArray("/.env") << 404;
        QTest::newRow("env upper-case") << QByteArray("/.ENV") << 404;
        QTest::newRow("encoded dot") << QByteArray("/%2eenv") << 404;
        QTest::newRow("nested dotfile") << QByteArray("/docs/.htaccess") << 404;
        QTest::newRow("back out of well-known") << QByteArray("/.well-known/../.env") << 404;
        QTest::newRow("dotfile below well-known") << QByteArray("/.well-known/.env") << 404;
        QTest::newRow("well-known not at the top") << QByteArray("/docs/.well-known/x") << 404;
    }

    void refusesEscapes()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        const Response response = m_bench->get(u"www.alpha.test"_qs, target);
        QCOMPARE(response.status, status);
        QVERIFY(!response.file); // not even the 404.html page
        QVERIFY(!SiteBench::body(response).contains("SECRET"));
    }

    void servesFiles_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("root index") << QByteArray("/") << 200 << QByteArray("alpha home");
        QTest::newRow("index by name") << QByteArray("/index.html") << 200 << QByteArray("alpha home");
        QTest::newRow("directory index") << QByteArray("/docs/") << 200 << QByteArray("docs index");
        QTest::newRow("file") << QByteArray("/docs/guide.html") << 200 << QByteArray("guide");
        QTest::newRow("with query") << QByteArray("/style.css?v=2") << 200 << QByteArray("body{}");
        QTest::newRow("dot segment") << QByteArray("/docs/./guide.html") << 200 << QByteArray("guide");
        QTest::newRow("dot-dot inside") << QByteArray("/docs/x/../guide.html") << 200 << QByteArray("guide");
        QTest::newRow("encoded space") << QByteArray("/my%20docs/") << 200 << QByteArray("spaced");
        QTest::newRow("well-known") << QByteArray("/.well-known/security.txt") << 200 << QByteArray("contact");
        QTest::newRow("absolute form") << QByteArray("http://www.alpha.test/docs/guide.html") << 200 << QByteArray("guide");
        QTest::newRow("absolute form root") << QByteArray("http://www.alpha.test") << 200 << QByteArray("alpha home");
        QTest::newRow("case-sensitive") << QByteArray("/DOCS/guide.html") << 404 << QByteArray("alpha not found");
        QTest::newRow("well-known case") << QByteArray("/.WELL-KNOWN/security.txt") << 404 << QByteArray("alpha not found");
        QTest::newRow("file as directory") << QByteArray("/docs/guide.html/") << 404 << QByteArray("alpha not found");
        QTest::newRow("missing") << QByteArray("/nope.html") << 404 << QByteArray("alpha not found");
        QTest::newRow("double slash") << QByteArray("//etc/passwd") << 404 << QByteArray("alpha not found");
        QTest::newRow("decoded once only") << QByteArray("/%252e%252e/agent.db") << 404 << QByteArray("alpha not found");
    }

    void servesFiles()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        const Response response = m_bench->get(u"www.alpha.test"_qs, target);
        QCOMPARE(response.status, status);
        QCOMPARE(SiteBench::body(response), body);
        QVERIFY(response.file); // an open blob of the store, never a body in memory
    }

    void redirectsDirectoriesToTheirSlash_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("location");
        QTest::newRow("plain") << QByteArray("/docs") << QByteArray("/docs/");
        QTest::newRow("keeps the query") << QByteArray("/docs?x=1&y=%20") << QByteArray("/docs/?x=1&y=%20");
        QTest::newRow("re-encoded") << QByteArray("/my%20docs") << QByteArray("/my%20docs/");
        QTest::newRow("normalised first") << QByteArray("/a/../docs") << QByteArray("/docs/");
        QTest::newRow("no scheme-relative URL") << QByteArray("//docs") << QByteArray("/docs/");
    }

    void redirectsDirectoriesToTheirSlash()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, location);
        const Response response = m_bench->get(u"www.alpha.test"_qs, target);
        QCOMPARE(response.status, 301);
        QCOMPARE(response.headers.value("Location"), location);
        QVERIFY(!response.file);
        QCOMPARE(response.headers.value("X-DDD-Version"), QByteArray("3"));
    }

    void missingFileWithoutCustomPageIsPlain()
    {
        const Response response = m_bench->get(u"gamma.localhost"_qs, "/missing");
        QCOMPARE(response.status, 404);
        QCOMPARE(response.body, QByteArray("Not Found\n"));
        QVERIFY(!response.file);
        QCOMPARE(response.headers.value("X-DDD-Version"), QByteArray("1"));
    }

    void customNotFoundPageIsHtmlWithoutValidators()
    {
        const Response response = m_bench->get(u"www.alpha.test"_qs, "/missing");
        QCOMPARE(response.status, 404);
        QCOMPARE(response.headers.value("Content-Type"), QByteArray("text/html; charset=utf-8"));
        QCOMPARE(response.headers.value("Cache-Control"), QByteArray("no-cache"));
        QVERIFY(!response.headers.contains("ETag"));
        QVERIFY(!response.headers.contains("Accept-Ranges"));
    }

    void singlePageAppFallback_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("accept");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        const QByteArray browser = "text/html,application/xhtml+xml,*/*;q=0.8";
        QTest::newRow("browser route") << QByteArray("GET") << QByteArray("/settings/profile") << browser << 200 << QByteArray("beta shell");
        QTest::newRow("no Accept") << QByteArray("GET") << QByteArray("/settings") << QByteArray() << 200 << QByteArray("beta shell");
        QTest::newRow("any type") << QByteArray("GET") << QByteArray("/settings") << QByteArray("*/*") << 200 << QByteArray("beta shell");
        QTest::newRow("HEAD") << QByteArray("HEAD") << QByteArray("/settings") << browser << 200 << QByteArray("beta shell");
        QTest::newRow("dot in a directory") << QByteArray("GET") << QByteArray("/v1.2/about") << browser << 200 << QByteArray("beta shell");
        QTest::newRow("HTML without parameters") << QByteArray("GET") << QByteArray("/settings") << QByteArray("text/html") << 200 << QByteArray("beta shell");
        QTest::newRow("JSON only") << QByteArray("GET") << QByteArray("/settings") << QByteArray("application/json") << 404 << QByteArray("beta not found");
        QTest::newRow("HTML refused") << QByteArray("GET") << QByteArray("/settings") << QByteArray("text/html;q=0, application/json") << 404 << QByteArray("beta not found");
        QTest::newRow("asset") << QByteArray("GET") << QByteArray("/missing.js") << browser << 404 << QByteArray("beta not found");
        QTest::newRow("existing file wins") << QByteArray("GET") << QByteArray("/app.js") << browser << 200 << QByteArray("app()");
    }

    void singlePageAppFallback()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, accept);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        SiteBench::HeaderList headers;
        if (!accept.isEmpty())
            headers.append({"Accept", accept});
        const Response response = m_bench->call(method, u"beta.localhost"_qs, target, headers);
        QCOMPARE(response.status, status);
        QCOMPARE(SiteBench::body(response), body);
        QCOMPARE(response.headOnly, method == "HEAD");
    }

    void spaFallbackIsOffUnlessAsked()
    {
        const Response response = m_bench->get(u"gamma.localhost"_qs, "/settings", {{"Accept", "text/html"}});
        QCOMPARE(response.status, 404);
    }

    // A request holds the ProjectSite it looked up first; a version published
    // meanwhile changes nothing for it. Stages run one by one here to publish
    // between the host lookup and the file choice.
    void requestFinishesOnTheVersionItStartedWith()
    {
        agent::http::Request request;
        request.method = "GET";
        request.target = "/index.html";
        request.host = u"gamma.localhost"_qs;
        agent::site::SiteExchange exchange{request, {}, {}, {}, {}};
        QVERIFY(!agent::site::HostStage(m_bench->sites(), {}).check(exchange));
        m_bench->sites().publish(m_bench->site(3, u"gamma"_qs).version(2).file(u"index.html"_qs, "gamma two").build());
        QVERIFY(!agent::site::PathStage().check(exchange));
        agent::site::BlobDescriptorCache descriptors(m_bench->blobs(), {.capacity = 10});
        const Response old = agent::site::FileStage(descriptors).serve(exchange);
        QCOMPARE(SiteBench::body(old), QByteArray("gamma home"));
        QCOMPARE(exchange.site->versionNumber, 1);

        const Response next = m_bench->get(u"gamma.localhost"_qs, "/index.html");
        QCOMPARE(SiteBench::body(next), QByteArray("gamma two"));
        QCOMPARE(next.headers.value("X-DDD-Version"), QByteArray("2"));
    }

    void answerStreamsTheOldVersionAfterASwitch()
    {
        const Response before = m_bench->get(u"gamma.localhost"_qs, "/");
        m_bench->sites().publish(m_bench->site(3, u"gamma"_qs).version(2).file(u"index.html"_qs, "gamma two").build());
        QCOMPARE(before.headers.value("X-DDD-Version"), QByteArray("1"));
        QCOMPARE(SiteBench::body(before), QByteArray("gamma home"));
    }

    void withdrawnProjectIsGone()
    {
        m_bench->sites().withdraw(1);
        QCOMPARE(m_bench->get(u"www.alpha.test"_qs, "/").status, 404);
        QCOMPARE(m_bench->get(u"alpha.localhost"_qs, "/").status, 404);
    }
};

QTEST_GUILESS_MAIN(TestSitePipeline)
#include "tst_sitepipeline.moc"
