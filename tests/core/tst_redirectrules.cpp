// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/rules/redirectrules.h"

#include <QtTest>

using namespace ddd::core;
using rules::RedirectMatch;
using rules::RedirectRules;
using rules::RuleLimits;

// The `_redirects` parser (every refusal with its code and line) and the
// matcher the site listener runs: order, shadowing, splats, placeholders,
// query conditions, query passthrough and safe Location values.
class TestRedirectRules final : public QObject
{
    Q_OBJECT

    static RedirectRules parsed(const QByteArray &text)
    {
        Result<RedirectRules> rules = RedirectRules::parse(text);
        if (!rules)
            qWarning() << rules.error().message;
        return rules ? *rules : RedirectRules();
    }

    // "301 /location", "200 /path" or "none".
    static QByteArray outcome(const RedirectRules &rules, const QString &path, const QByteArray &query = {},
                              bool fileExists = false)
    {
        const std::optional<RedirectMatch> match = rules.match(path, query, fileExists);
        return match ? QByteArray::number(match->status) + ' ' + match->location : QByteArray("none");
    }

private slots:
    void refusals_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("line");
        const QString invalid = u"rules.invalid_redirects"_qs;
        QTest::newRow("no target") << QByteArray("# c\n\n/a\n") << invalid << 3;
        QTest::newRow("relative from") << QByteArray("a /b\n") << invalid << 1;
        QTest::newRow("relative to") << QByteArray("/a b\n") << invalid << 1;
        QTest::newRow("scheme-relative to") << QByteArray("/a //evil.test/x\n") << invalid << 1;
        QTest::newRow("backslash to") << QByteArray("/a /\\evil.test\n") << invalid << 1;
        QTest::newRow("bad status") << QByteArray("/ok /b 302\n/a /b 299\n") << invalid << 2;
        QTest::newRow("unknown token") << QByteArray("/a /b 301 extra\n") << invalid << 1;
        QTest::newRow("splat inside") << QByteArray("/a/*/b /c\n") << invalid << 1;
        QTest::newRow("bad placeholder") << QByteArray("/a/:1x /c\n") << invalid << 1;
        QTest::newRow("twice the same placeholder") << QByteArray("/:a/:a /c\n") << invalid << 1;
        QTest::newRow("query in from") << QByteArray("/a?x=1 /c\n") << invalid << 1;
        QTest::newRow("bad query condition") << QByteArray("/a x /c\n") << invalid << 1;
        QTest::newRow("broken escape") << QByteArray("/a /b%zz\n") << invalid << 1;
        QTest::newRow("host from") << QByteArray("https://old.test/* https://new.test/:splat\n") << invalid << 1;
        QTest::newRow("placeholder host") << QByteArray("/u/:name https://:name.test/ 302\n") << invalid << 1;
        QTest::newRow("not utf-8") << QByteArray("/a /b\n/\xff /c\n") << invalid << 2;
        QTest::newRow("control char") << QByteArray("/a /b\x01\n") << invalid << 1;
        QTest::newRow("country") << QByteArray("/ /anz 302 Country=au,nz\n") << u"rules.unsupported_condition"_qs << 1;
        QTest::newRow("language") << QByteArray("/ /fr 302 Language=fr\n") << u"rules.unsupported_condition"_qs << 1;
        QTest::newRow("role") << QByteArray("/admin/* /a 200! Role=admin\n") << u"rules.unsupported_condition"_qs << 1;
        QTest::newRow("cookie") << QByteArray("/* /b 302 Cookie=beta\n") << u"rules.unsupported_condition"_qs << 1;
        QTest::newRow("proxy") << QByteArray("/api/* https://api.test/:splat 200\n") << u"rules.proxy_unsupported"_qs << 1;
        QTest::newRow("external 404") << QByteArray("/x https://a.test/404 404\n") << u"rules.proxy_unsupported"_qs << 1;
        QTest::newRow("long line") << "/a /" + QByteArray(3000, 'b') + '\n' << u"rules.line_too_long"_qs << 1;
    }

    void refusals()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, code);
        QFETCH(int, line);
        const Result<RedirectRules> rules = RedirectRules::parse(text);
        QVERIFY(!rules);
        QCOMPARE(rules.error().code, code);
        QCOMPARE(rules.error().details.value(u"file"_qs).toString(), u"_redirects"_qs);
        QCOMPARE(rules.error().details.value(u"line"_qs).toInt(), line);
        QVERIFY(!rules.error().details.value(u"reason"_qs).toString().isEmpty());
        QVERIFY2(rules.error().message.startsWith(u"_redirects:%1: "_qs.arg(line)), qPrintable(rules.error().message));
    }

    void limitsRefuseNeverTruncate()
    {
        RuleLimits limits;
        limits.maxRules = 2;
        const Result<RedirectRules> rules = RedirectRules::parse("/a /b\n# note\n/c /d\n/e /f\n", limits);
        QCOMPARE(rules.error().code, u"rules.too_many_rules"_qs);
        QCOMPARE(rules.error().details.value(u"line"_qs).toInt(), 4);
        limits = {};
        limits.maxLines = 3;
        QCOMPARE(RedirectRules::parse("\n\n\n/a /b\n", limits).error().code, u"rules.too_many_lines"_qs);
        limits = {};
        limits.maxFileBytes = 10;
        const Result<RedirectRules> big = RedirectRules::parse("/aaaa /bbbbbbb\n", limits);
        QCOMPARE(big.error().code, u"rules.file_too_large"_qs);
        QCOMPARE(big.error().details.value(u"line"_qs).toInt(), 0);
        QVERIFY(big.error().message.startsWith(u"_redirects: "_qs));
        QCOMPARE(RedirectRules::parse("/a /bbbbb\n", limits).value().size(), 1); // exactly the limit: kept whole
    }

    void acceptsNetlifyFiles()
    {
        const Result<RedirectRules> rules = RedirectRules::parse("\xEF\xBB\xBF# comment\r\n"
                                                                 "/home              /\r\n"
                                                                 "  # indented comment\n"
                                                                 "/news/*   /blog/:splat   302!\n"
                                                                 "/store id=:id  /blog/:id  301\n"
                                                                 "/old https://example.com:8443/new?a=1#top 308\n"
                                                                 "/*    /index.html   200\n");
        QVERIFY2(rules.ok(), rules ? "" : qPrintable(rules.error().message));
        QCOMPARE(rules->size(), 5);
    }

    void matching_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<bool>("fileExists");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("default 301") << u"/home"_qs << QByteArray() << false << QByteArray("301 /");
        QTest::newRow("trailing slash") << u"/home/"_qs << QByteArray() << false << QByteArray("301 /");
        QTest::newRow("case-sensitive") << u"/HOME"_qs << QByteArray() << false << QByteArray("none");
        QTest::newRow("query passed on") << u"/home"_qs << QByteArray("a=1&b") << false << QByteArray("301 /?a=1&b");
        QTest::newRow("splat") << u"/news/2024/a b"_qs << QByteArray() << false << QByteArray("302 /blog/2024/a%20b");
        QTest::newRow("splat keeps slash") << u"/news/x/"_qs << QByteArray() << false << QByteArray("302 /blog/x/");
        QTest::newRow("splat empty") << u"/news"_qs << QByteArray() << false << QByteArray("302 /blog/");
        QTest::newRow("forced over a file") << u"/news/a"_qs << QByteArray() << true << QByteArray("302 /blog/a");
        QTest::newRow("shadowed by a file") << u"/home"_qs << QByteArray() << true << QByteArray("none");
        QTest::newRow("placeholders") << u"/p/2024/hello"_qs << QByteArray() << false << QByteArray("301 /posts/hello-2024");
        QTest::newRow("placeholder encoded") << u"/p/2024/a?b#c"_qs << QByteArray() << false
                                             << QByteArray("301 /posts/a%3Fb%23c-2024");
        QTest::newRow("placeholder one segment") << u"/p/2024/a/b"_qs << QByteArray() << false << QByteArray("none");
        QTest::newRow("query placeholder") << u"/store"_qs << QByteArray("x=0&id=4%2F2") << false
                                           << QByteArray("301 /blog/4%2F2");
        QTest::newRow("query literal") << u"/search"_qs << QByteArray("lang=en") << false << QByteArray("302 /en/search");
        QTest::newRow("query literal other") << u"/search"_qs << QByteArray("lang=fr") << false << QByteArray("none");
        QTest::newRow("query missing") << u"/store"_qs << QByteArray("x=1") << false << QByteArray("none");
        QTest::newRow("rewrite") << u"/app/settings"_qs << QByteArray("q=1") << false << QByteArray("200 /index.html");
        QTest::newRow("not-found rule") << u"/en/missing"_qs << QByteArray() << false << QByteArray("404 /en/404.html");
        QTest::newRow("external") << u"/ext/a b"_qs << QByteArray("z=1") << false
                                  << QByteArray("302 https://example.com/docs/a%20b?z=1");
        QTest::newRow("target query kept alone") << u"/q"_qs << QByteArray("z=1") << false << QByteArray("307 /x?y=1");
        QTest::newRow("empty splat never //") << u"/go"_qs << QByteArray() << false << QByteArray("301 /evil.test");
        QTest::newRow("backslash encoded") << u"/bs/a\\b"_qs << QByteArray() << false << QByteArray("301 /c/a%5Cb");
        QTest::newRow("unicode literal") << u"/cafe"_qs << QByteArray() << false << QByteArray("301 /caf%C3%A9");
        QTest::newRow("first match wins") << u"/dup"_qs << QByteArray() << false << QByteArray("301 /first");
        QTest::newRow("nothing") << u"/apps"_qs << QByteArray() << false << QByteArray("none");
    }

    void matching()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, query);
        QFETCH(bool, fileExists);
        QFETCH(QByteArray, expected);
        static const RedirectRules rules = parsed("/home /\n"
                                                  "/news/* /blog/:splat 302!\n"
                                                  "/p/:year/:slug /posts/:slug-:year\n"
                                                  "/store id=:id /blog/:id\n"
                                                  "/search lang=en /en/search 302\n"
                                                  "/app/* /index.html 200\n"
                                                  "/en/* /en/404.html 404\n"
                                                  "/ext/* https://example.com/docs/:splat 302\n"
                                                  "/q /x?y=1 307\n"
                                                  "/go/* /:splat/evil.test\n"
                                                  "/bs/* /c/:splat\n"
                                                  "/cafe /café\n"
                                                  "/dup /first\n"
                                                  "/dup /second\n");
        QCOMPARE(rules.size(), 14);
        QCOMPARE(outcome(rules, path, query, fileExists), expected);
    }
};

QTEST_GUILESS_MAIN(TestRedirectRules)
#include "tst_redirectrules.moc"
