// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The .dddignore matcher (gitignore syntax) and its built-in defaults, and
// the folder reader leaving out what it matches.
#include "core/archive/archivelimits.h"
#include "core/archive/directoryreader.h"
#include "core/archive/ignorerules.h"
#include "core/archive/preflight.h"
#include "core/client/localsite.h"
#include "tests/support/tempdataroot.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using ddd::core::archive::IgnorePattern;
using ddd::core::archive::IgnoreRules;

namespace {

IgnoreRules rules(const QString &text)
{
    IgnoreRules rules;
    rules.addText(text);
    return rules;
}

void write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

} // namespace

class TestIgnoreRules final : public QObject
{
    Q_OBJECT

private slots:
    void defaultsKeepSecretsAndJunkHome_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("directory");
        QTest::addColumn<bool>("ignored");
        QTest::newRow(".env") << u".env"_qs << false << true;
        QTest::newRow(".env.production deep") << u"api/.env.production"_qs << false << true;
        QTest::newRow(".git folder") << u".git"_qs << true << true;
        QTest::newRow("inside .git") << u".git/config"_qs << false << true;
        QTest::newRow("file named .git") << u"sub/.git"_qs << false << false; // a submodule's pointer file is not a folder
        QTest::newRow(".DS_Store") << u"img/.DS_Store"_qs << false << true;
        QTest::newRow("emacs backup") << u"index.html~"_qs << false << true;
        QTest::newRow("vim swap") << u"css/.site.css.swp"_qs << false << true;
        QTest::newRow("emacs autosave") << u"#notes#"_qs << false << true;
        QTest::newRow("the ignore file") << u".dddignore"_qs << false << true;
        QTest::newRow("nested ignore file") << u"docs/.dddignore"_qs << false << true;
        QTest::newRow("environment.html kept") << u"environment.html"_qs << false << false;
        QTest::newRow("well-known kept") << u".well-known/security.txt"_qs << false << false;
        QTest::newRow("index kept") << u"index.html"_qs << false << false;
    }
    void defaultsKeepSecretsAndJunkHome()
    {
        QFETCH(QString, path);
        QFETCH(bool, directory);
        QFETCH(bool, ignored);
        QCOMPARE(IgnoreRules().ignores(path, directory), ignored);
    }

    void gitignoreSyntax_data()
    {
        QTest::addColumn<QString>("patterns");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("directory");
        QTest::addColumn<bool>("ignored");
        QTest::newRow("name at any depth") << u"*.log"_qs << u"a/b/c.log"_qs << false << true;
        QTest::newRow("star stays in one name") << u"a/*.js"_qs << u"a/b/c.js"_qs << false << false;
        QTest::newRow("star in one name") << u"a/*.js"_qs << u"a/c.js"_qs << false << true;
        QTest::newRow("anchored") << u"/secret.txt"_qs << u"sub/secret.txt"_qs << false << false;
        QTest::newRow("anchored at root") << u"/secret.txt"_qs << u"secret.txt"_qs << false << true;
        QTest::newRow("middle slash anchors") << u"doc/draft"_qs << u"x/doc/draft"_qs << false << false;
        QTest::newRow("folder only, file") << u"build/"_qs << u"build"_qs << false << false;
        QTest::newRow("folder only, folder") << u"build/"_qs << u"build"_qs << true << true;
        QTest::newRow("folder only, inside") << u"build/"_qs << u"build/app.js"_qs << false << true;
        QTest::newRow("leading **") << u"**/cache"_qs << u"a/b/cache"_qs << true << true;
        QTest::newRow("leading ** at root") << u"**/cache"_qs << u"cache"_qs << true << true;
        QTest::newRow("trailing **") << u"drafts/**"_qs << u"drafts/x/y.md"_qs << false << true;
        QTest::newRow("trailing ** not the folder") << u"drafts/**"_qs << u"drafts"_qs << true << false;
        QTest::newRow("middle **") << u"a/**/b"_qs << u"a/x/y/b"_qs << false << true;
        QTest::newRow("middle ** zero folders") << u"a/**/b"_qs << u"a/b"_qs << false << true;
        QTest::newRow("question mark") << u"v?.txt"_qs << u"v1.txt"_qs << false << true;
        QTest::newRow("question mark not slash") << u"a?b"_qs << u"a/b"_qs << false << false;
        QTest::newRow("class") << u"img[0-9].png"_qs << u"img7.png"_qs << false << true;
        QTest::newRow("class miss") << u"img[0-9].png"_qs << u"imgx.png"_qs << false << false;
        QTest::newRow("negated class") << u"img[!0-9].png"_qs << u"imgx.png"_qs << false << true;
        QTest::newRow("comment") << u"# *.html"_qs << u"index.html"_qs << false << false;
        QTest::newRow("escaped hash") << u"\\#draft"_qs << u"#draft"_qs << false << true;
        QTest::newRow("negation re-includes") << u"*.md\n!README.md"_qs << u"README.md"_qs << false << false;
        QTest::newRow("last match wins") << u"!keep.md\n*.md"_qs << u"keep.md"_qs << false << true;
        QTest::newRow("negation brings a default back") << u"!.env.example"_qs << u".env.example"_qs << false << false;
        QTest::newRow("no re-include under a left-out folder") << u"private/\n!private/ok.html"_qs
                                                               << u"private/ok.html"_qs << false << true;
        QTest::newRow("trailing spaces dropped") << u"notes.txt   "_qs << u"notes.txt"_qs << false << true;
        QTest::newRow("CRLF lines") << u"a.txt\r\nb.txt\r\n"_qs << u"b.txt"_qs << false << true;
        QTest::newRow("dots are literal") << u"a.b"_qs << u"axb"_qs << false << false;
    }
    void gitignoreSyntax()
    {
        QFETCH(QString, patterns);
        QFETCH(QString, path);
        QFETCH(bool, directory);
        QFETCH(bool, ignored);
        QCOMPARE(rules(patterns).ignores(path, directory), ignored);
    }

    void blankAndCommentLinesAreNoPatterns()
    {
        QVERIFY(!IgnorePattern::parse(u""_qs));
        QVERIFY(!IgnorePattern::parse(u"   "_qs));
        QVERIFY(!IgnorePattern::parse(u"# note"_qs));
        QVERIFY(!IgnorePattern::parse(u"/"_qs));
        QVERIFY(IgnorePattern::parse(u"!x"_qs)->negated());
    }

    // The folder reader never enters a left-out folder, reports each
    // left-out entry once, and the pre-flight does not check them (a .git
    // folder with a symbolic link in it does not block the deploy).
    void folderReadLeavesOutWhatTheRulesMatch()
    {
        ddd::test::TempDataRoot root;
        const QString site = root.file(u"site"_qs);
        write(site + u"/index.html"_qs, "<h1>hi</h1>");
        write(site + u"/.env"_qs, "SECRET=1");
        write(site + u"/.git/HEAD"_qs, "ref: refs/heads/main");
        QVERIFY(QFile::link(u"/etc/passwd"_qs, site + u"/.git/link"_qs));
        write(site + u"/drafts/a.html"_qs, "draft");
        write(site + u"/.dddignore"_qs, "drafts/\n");
        const std::atomic_bool never{false};
        const auto collected = ddd::core::client::LocalSite::collect(site, never);
        QVERIFY2(collected.ok(), qPrintable(collected.ok() ? QString() : collected.error().code));
        QCOMPARE(collected->files.size(), 1);
        QCOMPARE(collected->files.first().path, u"index.html"_qs);
        QStringList leftOut = collected->leftOut;
        leftOut.sort();
        QCOMPARE(leftOut, (QStringList{u".dddignore"_qs, u".env"_qs, u".git/"_qs, u"drafts/"_qs}));
        QVERIFY(collected->localPaths.values().first().endsWith(u"/index.html"_qs));
    }

    void folderWithOnlyLeftOutFilesIsEmpty()
    {
        ddd::test::TempDataRoot root;
        write(root.file(u"site/.env"_qs), "SECRET=1");
        const std::atomic_bool never{false};
        const auto collected = ddd::core::client::LocalSite::collect(root.file(u"site"_qs), never);
        QVERIFY(!collected.ok());
        QCOMPARE(collected.error().code, u"archive.empty"_qs);
    }

    void unreadableIgnoreFileIsRefused()
    {
        ddd::test::TempDataRoot root;
        write(root.file(u"site/index.html"_qs), "x");
        QVERIFY(QDir().mkpath(root.file(u"site/.dddignore"_qs))); // a folder, not a file
        const std::atomic_bool never{false};
        const auto collected = ddd::core::client::LocalSite::collect(root.file(u"site"_qs), never);
        QVERIFY(!collected.ok());
        QCOMPARE(collected.error().code, u"ignore.unreadable"_qs);
    }

    // Build output and the agent's ingest take every file: no rules unless asked.
    void readerWithoutRulesTakesEverything()
    {
        ddd::test::TempDataRoot root;
        write(root.file(u"site/index.html"_qs), "x");
        write(root.file(u"site/.env"_qs), "SECRET=1");
        const auto report = ddd::core::archive::Preflight::scanDirectory(root.file(u"site"_qs),
                                                                          ddd::core::archive::ArchiveLimits(), 1 << 30);
        QCOMPARE(report.fileCount, 2);
        QVERIFY(report.leftOut.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestIgnoreRules)
#include "tst_ignorerules.moc"
