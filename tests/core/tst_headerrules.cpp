// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/rules/headerrules.h"
#include "core/rules/siterules.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ddd::core;
using rules::HeaderRules;
using rules::RuleLimits;
using rules::SiteRules;

// The `_headers` parser (every refusal with its code and line, the fields
// the server keeps for itself), which blocks apply to a path, and
// SiteRules::load reading both files of a version.
class TestHeaderRules final : public QObject
{
    Q_OBJECT

private slots:
    void refusals_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("line");
        const QString invalid = u"rules.invalid_headers"_qs;
        const QString forbidden = u"rules.forbidden_header"_qs;
        QTest::newRow("field before path") << QByteArray("# c\n  X-A: 1\n") << invalid << 2;
        QTest::newRow("no colon") << QByteArray("/*\n  X-A 1\n") << invalid << 2;
        QTest::newRow("bad name") << QByteArray("/*\n  X A: 1\n") << invalid << 2;
        QTest::newRow("empty name") << QByteArray("/*\n  : 1\n") << invalid << 2;
        QTest::newRow("non-ascii value") << QByteArray("/*\n  X-A: caf\xc3\xa9\n") << invalid << 2;
        QTest::newRow("relative path") << QByteArray("/a\n  X-A: 1\nassets/*\n") << invalid << 3;
        QTest::newRow("splat inside") << QByteArray("/a/*/b\n  X-A: 1\n") << invalid << 1;
        QTest::newRow("not utf-8") << QByteArray("/\xfe\n") << invalid << 1;
        for (const char *name : {"Connection", "keep-alive", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
                                 "Content-Length", "Content-Range", "Content-Encoding", "Proxy-Authenticate",
                                 "proxy-connection", "Host", "Date", "Server", "ETag", "Accept-Ranges", "Location",
                                 "X-Content-Type-Options", "X-DDD-Version", "x-ddd-anything"})
            QTest::newRow(name) << "/\n  X-Ok: 1\n/*\n  " + QByteArray(name) + ": x\n" << forbidden << 4;
        QTest::newRow("long line") << "/*\n  X-A: " + QByteArray(3000, 'v') + '\n' << u"rules.line_too_long"_qs << 2;
    }

    void refusals()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, code);
        QFETCH(int, line);
        const Result<HeaderRules> rules = HeaderRules::parse(text);
        QVERIFY(!rules);
        QCOMPARE(rules.error().code, code);
        QCOMPARE(rules.error().details.value(u"file"_qs).toString(), u"_headers"_qs);
        QCOMPARE(rules.error().details.value(u"line"_qs).toInt(), line);
        QVERIFY2(rules.error().message.startsWith(u"_headers:%1: "_qs.arg(line)), qPrintable(rules.error().message));
    }

    void limits()
    {
        RuleLimits limits;
        limits.maxHeadersPerRule = 2;
        const Result<HeaderRules> many = HeaderRules::parse("/*\n  A: 1\n  B: 2\n  C: 3\n", limits);
        QCOMPARE(many.error().code, u"rules.too_many_headers"_qs);
        QCOMPARE(many.error().details.value(u"line"_qs).toInt(), 4);
        limits = {};
        limits.maxRules = 1;
        const Result<HeaderRules> blocks = HeaderRules::parse("/a\n  A: 1\n/b\n  B: 2\n", limits);
        QCOMPARE(blocks.error().code, u"rules.too_many_rules"_qs);
        QCOMPARE(blocks.error().details.value(u"line"_qs).toInt(), 3);
        limits = {};
        limits.maxFileBytes = 8;
        QCOMPARE(HeaderRules::parse("/*\n  A: 1\n", limits).error().code, u"rules.file_too_large"_qs);
    }

    void matchingBlocksAddTheirHeaders()
    {
        const Result<HeaderRules> rules = HeaderRules::parse("/*\n"
                                                             "  X-Frame-Options: DENY\n"
                                                             "  Cache-Control: no-store\n"
                                                             "/assets/*\n"
                                                             "  Cache-Control: max-age=31536000\n"
                                                             "  Set-Cookie: a=1\n"
                                                             "\t# a comment inside a block\n"
                                                             "  Set-Cookie: b=2\n"
                                                             "/blog/:slug\n"
                                                             "  Link: </style.css>; rel=preload\n");
        QVERIFY2(rules.ok(), rules ? "" : qPrintable(rules.error().message));
        using List = HeaderRules::HeaderList;
        QCOMPARE(rules->headersFor(u"/"_qs), (List{{"X-Frame-Options", "DENY"}, {"Cache-Control", "no-store"}}));
        QCOMPARE(rules->headersFor(u"/assets/a.css"_qs),
                 (List{{"X-Frame-Options", "DENY"},
                       {"Cache-Control", "no-store, max-age=31536000"},
                       {"Set-Cookie", "a=1"},
                       {"Set-Cookie", "b=2"}}));
        QCOMPARE(rules->headersFor(u"/blog/hello/"_qs).last(), (std::pair<QByteArray, QByteArray>{"Link", "</style.css>; rel=preload"}));
        QCOMPARE(rules->headersFor(u"/blog/a/b"_qs).size(), 2);
    }

    void siteRulesReadBothFilesOfAVersion()
    {
        QTemporaryDir dir;
        const auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bytes);
        };
        write(u"r"_qs, "/a /b 302\n");
        write(u"h"_qs, "/*\n  X-A: 1\n");
        write(u"bad"_qs, "/a\n");
        QHash<QString, SiteRules::FileRef> files{{u"_redirects"_qs, {dir.filePath(u"r"_qs), 10}},
                                                 {u"_headers"_qs, {dir.filePath(u"h"_qs), 12}}};
        const auto locate = [&](const QString &name) -> std::optional<SiteRules::FileRef> {
            return files.contains(name) ? std::optional(files.value(name)) : std::nullopt;
        };
        Result<std::shared_ptr<const SiteRules>> rules = SiteRules::load(locate);
        QVERIFY(rules && *rules);
        QCOMPARE((*rules)->redirects().match(u"/a"_qs, {}, false)->location, QByteArray("/b"));
        QCOMPARE((*rules)->headers().headersFor(u"/x"_qs).size(), 1);
        files[u"_redirects"_qs] = {dir.filePath(u"bad"_qs), 3};
        QCOMPARE(SiteRules::load(locate).error().code, u"rules.invalid_redirects"_qs);
        // The declared size refuses before anything is read.
        files[u"_redirects"_qs] = {dir.filePath(u"missing"_qs), 300 * 1024};
        QCOMPARE(SiteRules::load(locate).error().code, u"rules.file_too_large"_qs);
        files[u"_redirects"_qs] = {dir.filePath(u"missing"_qs), 3};
        QCOMPARE(SiteRules::load(locate).error().code, u"io.error"_qs);
        files.clear();
        QVERIFY(SiteRules::load(locate).value() == nullptr);
    }

    void rulesPaths_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("rules");
        QTest::newRow("redirects") << u"/_redirects"_qs << true;
        QTest::newRow("headers") << u"/_headers"_qs << true;
        QTest::newRow("upper case") << u"/_REDIRECTS"_qs << true;
        QTest::newRow("mixed case") << u"/_Headers"_qs << true;
        QTest::newRow("below the root") << u"/docs/_redirects"_qs << false;
        QTest::newRow("other") << u"/_redirects.txt"_qs << false;
    }

    void rulesPaths()
    {
        QFETCH(QString, path);
        QFETCH(bool, rules);
        QCOMPARE(SiteRules::isRulesPath(path), rules);
    }
};

QTEST_GUILESS_MAIN(TestHeaderRules)
#include "tst_headerrules.moc"
