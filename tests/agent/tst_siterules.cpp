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

namespace {

const QByteArray Redirects = "# moved pages\n"
                             "/home            /                      \n"
                             "/old/*           /new/:splat            302\n"
                             "/p/:year/:slug   /posts/:year-:slug.html 301\n"
                             "/store id=:id    /items/:id             303\n"
                             "/docs/*          /guide.html            302\n"
                             "/forced/*        /guide.html            200!\n"
                             "/app/*           /app/shell.html        200\n"
                             "/en/*            /en/404.html           404\n"
                             "/gone            /guide.html            410\n"
                             "/ext/*           https://example.org/x/:splat 308\n"
                             "/go/*            /:splat/evil.test       302\n"
                             "/rules           /_redirects            200\n"
                             "/dir             /docs                  200\n";

const QByteArray Headers = "/*\n"
                           "  X-Frame-Options: DENY\n"
                           "  Permissions-Policy: camera=()\n"
                           "/assets/*\n"
                           "  Cache-Control: public, max-age=31536000, immutable\n"
                           "  Access-Control-Allow-Origin: *\n"
                           "/app/*\n"
                           "  X-Robots-Tag: noindex\n";

} // namespace

// `_redirects` and `_headers` as a browser sees them: a real http::Server
// over the site pipeline, driven over raw TCP, so Location values and
// headers are checked on the wire.
class TestSiteRules final : public QObject
{
    Q_OBJECT

    std::unique_ptr<SiteBench> m_bench;
    std::unique_ptr<agent::http::Server> m_server;
    QList<std::shared_ptr<const core::deploy::ProjectSite>> m_sites;

    RawResponse get(const QByteArray &target, const QByteArray &host = "rules.localhost",
                    const QByteArray &fields = {})
    {
        RawTcpClient client;
        const QByteArray raw = "GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n" + fields + "\r\n";
        if (!client.connectTo(m_server->port()) || !client.send(raw))
            return {};
        return client.readResponse(10000).value_or(RawResponse());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_bench = std::make_unique<SiteBench>();
        m_sites.append(m_bench->site(1, u"rules"_qs)
                           .file(u"index.html"_qs, "home")
                           .file(u"guide.html"_qs, "guide")
                           .file(u"docs/index.html"_qs, "docs index")
                           .file(u"forced/page.html"_qs, "shadowed by force")
                           .file(u"old/kept.html"_qs, "kept: a file shadows the rule")
                           .file(u"app/shell.html"_qs, "app shell")
                           .file(u"en/404.html"_qs, "english not found")
                           .file(u"assets/a.css"_qs, "body{}")
                           .file(u"404.html"_qs, "site not found")
                           .file(u"_redirects"_qs, Redirects)
                           .file(u"_headers"_qs, Headers)
                           .build());
        m_sites.append(m_bench->site(2, u"spa"_qs)
                           .spa(true)
                           .file(u"index.html"_qs, "spa shell")
                           .file(u"404.html"_qs, "spa not found")
                           .file(u"_redirects"_qs, "/legacy /new-route 301\n/api/* /api.json 200\n")
                           .file(u"api.json"_qs, "{}")
                           .build());
        m_sites.append(m_bench->site(4, u"locked"_qs)
                           .protection(m_bench->access().protection({{u"ann"_qs, u"ann-password"_qs}}))
                           .file(u"index.html"_qs, "locked")
                           .file(u"_redirects"_qs, "/home / 301\n")
                           .file(u"_headers"_qs, "/*\n  Cache-Control: public, max-age=60\n  X-Site: locked\n")
                           .build());
        m_sites.append(m_bench->site(3, u"plain"_qs)
                           .file(u"index.html"_qs, "plain")
                           .file(u"_Redirects"_qs, "not a rules file, still never served")
                           .build());
        agent::http::ServerOptions options;
        options.limits.headerTimeout = std::chrono::seconds(5);
        m_server = std::make_unique<agent::http::Server>(options, m_bench->pipeline());
        QVERIFY(m_server->start().ok());
    }

    void init() { m_bench->sites().reset(m_sites); }
    void cleanupTestCase() { m_server.reset(); }

    void redirects_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("location");
        QTest::newRow("default 301") << QByteArray("/home") << 301 << QByteArray("/");
        QTest::newRow("query kept") << QByteArray("/home?utm=x&a=%20") << 301 << QByteArray("/?utm=x&a=%20");
        QTest::newRow("splat 302") << QByteArray("/old/a/b%20c.html") << 302 << QByteArray("/new/a/b%20c.html");
        QTest::newRow("placeholders") << QByteArray("/p/2024/hello") << 301 << QByteArray("/posts/2024-hello.html");
        QTest::newRow("query match") << QByteArray("/store?id=42&ref=x") << 303 << QByteArray("/items/42");
        QTest::newRow("external 308") << QByteArray("/ext/a?b=1") << 308 << QByteArray("https://example.org/x/a?b=1");
        QTest::newRow("never scheme-relative") << QByteArray("/go") << 302 << QByteArray("/evil.test");
        QTest::newRow("placeholder encoded") << QByteArray("/p/2024/a%3Fb%23c") << 301
                                             << QByteArray("/posts/2024-a%3Fb%23c.html");
    }

    void redirects()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QByteArray, location);
        const RawResponse response = get(target);
        QCOMPARE(response.status, status);
        QCOMPARE(response.header("Location"), location);
        QCOMPARE(response.header("Cache-Control"), QByteArray("no-cache"));
        QCOMPARE(response.header("X-Frame-Options"), QByteArray("DENY")); // `_headers` apply to redirects too
    }

    void content_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("rewrite 200") << QByteArray("/app/settings/profile") << 200 << QByteArray("app shell");
        QTest::newRow("404 rule") << QByteArray("/en/nothing") << 404 << QByteArray("english not found");
        QTest::newRow("410 rule") << QByteArray("/gone") << 410 << QByteArray("guide");
        QTest::newRow("file shadows the rule") << QByteArray("/old/kept.html") << 200
                                               << QByteArray("kept: a file shadows the rule");
        QTest::newRow("directory shadows the rule") << QByteArray("/docs/") << 200 << QByteArray("docs index");
        QTest::newRow("forced over a file") << QByteArray("/forced/page.html") << 200 << QByteArray("guide");
        QTest::newRow("rewrite to a directory") << QByteArray("/dir") << 200 << QByteArray("docs index");
        QTest::newRow("no rule") << QByteArray("/nothing") << 404 << QByteArray("site not found");
        QTest::newRow("rules file") << QByteArray("/_redirects") << 404 << QByteArray("Not Found\n");
        QTest::newRow("headers file") << QByteArray("/_headers") << 404 << QByteArray("Not Found\n");
        QTest::newRow("any case") << QByteArray("/_ReDiReCtS") << 404 << QByteArray("Not Found\n");
        QTest::newRow("encoded name") << QByteArray("/%5Fheaders") << 404 << QByteArray("Not Found\n");
        QTest::newRow("rewrite to a rules file") << QByteArray("/rules") << 404 << QByteArray("Not Found\n");
    }

    void content()
    {
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        const RawResponse response = get(target);
        QCOMPARE(response.status, status);
        QCOMPARE(response.body, body);
        QVERIFY(response.header("Location").isNull());
    }

    void rewriteDescribesItsTarget()
    {
        const RawResponse response = get("/app/x");
        QCOMPARE(response.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(!response.header("ETag").isNull());
        QCOMPARE(response.header("X-Robots-Tag"), QByteArray("noindex")); // matched on the path as requested
        const RawResponse notFound = get("/en/x");
        QVERIFY(notFound.header("ETag").isNull()); // validators describe a 200 only
    }

    void headersFollowPatterns()
    {
        const RawResponse asset = get("/assets/a.css");
        QCOMPARE(asset.status, 200);
        QCOMPARE(asset.header("Cache-Control"), QByteArray("public, max-age=31536000, immutable")); // replaces the default
        QCOMPARE(asset.header("Access-Control-Allow-Origin"), QByteArray("*"));
        QCOMPARE(asset.header("X-Frame-Options"), QByteArray("DENY")); // replaces SAMEORIGIN
        QCOMPARE(asset.headerCount("X-Frame-Options"), 1);
        QCOMPARE(asset.header("Permissions-Policy"), QByteArray("camera=()"));
        QCOMPARE(asset.header("X-Content-Type-Options"), QByteArray("nosniff"));
        const RawResponse home = get("/");
        QVERIFY(home.header("Access-Control-Allow-Origin").isNull());
        QCOMPARE(home.header("X-Frame-Options"), QByteArray("DENY"));
        // Kept on the narrowed answers.
        const RawResponse unchanged = get("/assets/a.css", "rules.localhost", "If-None-Match: " + asset.header("ETag") + "\r\n");
        QCOMPARE(unchanged.status, 304);
        QCOMPARE(unchanged.header("Access-Control-Allow-Origin"), QByteArray("*"));
        const RawResponse part = get("/assets/a.css", "rules.localhost", "Range: bytes=0-3\r\n");
        QCOMPARE(part.status, 206);
        QCOMPARE(part.body, QByteArray("body"));
        QCOMPARE(part.header("Access-Control-Allow-Origin"), QByteArray("*"));
    }

    void spaModeComesAfterRules()
    {
        QCOMPARE(get("/legacy", "spa.localhost").header("Location"), QByteArray("/new-route"));
        QCOMPARE(get("/api/users", "spa.localhost").body, QByteArray("{}"));
        QCOMPARE(get("/settings", "spa.localhost").body, QByteArray("spa shell")); // no rule: the SPA shell
        QCOMPARE(get("/_redirects", "spa.localhost").status, 404);                // never the shell either
    }

    // Rules run for visitors let through only, and a site's public
    // Cache-Control cannot make what they see storable by shared caches.
    void protectedSitesKeepTheirRulesPrivate()
    {
        const RawResponse refused = get("/home", "locked.localhost");
        QCOMPARE(refused.status, 401);
        QVERIFY(refused.header("Location").isNull());
        QVERIFY(refused.header("X-Site").isNull());
        const QByteArray credentials = "Authorization: Basic " + QByteArray("ann:ann-password").toBase64() + "\r\n";
        const RawResponse redirected = get("/home", "locked.localhost", credentials);
        QCOMPARE(redirected.status, 301);
        QCOMPARE(redirected.header("Location"), QByteArray("/"));
        const RawResponse page = get("/", "locked.localhost", credentials);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.header("X-Site"), QByteArray("locked"));
        QCOMPARE(page.header("Cache-Control"), QByteArray("private, max-age=60"));
    }

    void rulesFilesNeverServedEvenWithoutRules()
    {
        QCOMPARE(get("/_Redirects", "plain.localhost").status, 404);
        QCOMPARE(get("/", "plain.localhost").body, QByteArray("plain"));
    }
};

QTEST_GUILESS_MAIN(TestSiteRules)
#include "tst_siterules.moc"
