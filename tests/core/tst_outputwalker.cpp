// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/outputwalker.h"

#include "tests/support/sourcetree.h"

#include <QtTest>

#include <sys/stat.h>

using ddd::core::build::OutputWalker;
using ddd::test::SourceTree;

class TestOutputWalker final : public QObject
{
    Q_OBJECT

    static QString refusal(const ddd::core::Result<OutputWalker::Totals> &result)
    {
        return result ? u"<accepted>"_qs : result.error().code;
    }

private slots:
    void countsFilesFoldersAndBytes()
    {
        SourceTree tree;
        tree.file(u"index.html"_qs, "12345").file(u"a/b/c.css"_qs, "123").file(u".well-known/x"_qs, "1");
        const auto totals = OutputWalker(1000).walk(tree.path());
        QVERIFY(totals);
        QCOMPARE(totals->files, 3);
        QCOMPARE(totals->folders, 3);
        QCOMPARE(totals->bytes, 9);
    }

    void refusesLinksAnywhere()
    {
        SourceTree tree;
        tree.file(u"index.html"_qs, "x").symlink(u"deep/er/passwd"_qs, u"/etc/passwd"_qs);
        const auto result = OutputWalker(1000).walk(tree.path());
        QCOMPARE(refusal(result), u"build.output_invalid"_qs);
        QCOMPARE(result.error().details.value(u"path"_qs).toString(), u"deep/er/passwd"_qs);
        QCOMPARE(result.error().details.value(u"type"_qs).toString(), u"symlink"_qs);

        SourceTree folderLink;
        folderLink.file(u"index.html"_qs, "x").symlink(u"etc"_qs, u"/etc"_qs);
        QCOMPARE(OutputWalker(1000).walk(folderLink.path()).error().details.value(u"path"_qs).toString(), u"etc"_qs);
    }

    void refusesTheRootAsALink()
    {
        SourceTree real;
        real.file(u"index.html"_qs, "x");
        SourceTree tree;
        tree.symlink(u"site"_qs, real.path());
        const auto result = OutputWalker(1000).walk(tree.filePath(u"site"_qs));
        QCOMPARE(refusal(result), u"build.output_invalid"_qs);
        QCOMPARE(result.error().details.value(u"path"_qs).toString(), u"."_qs);
    }

    void refusesSpecialFiles()
    {
        SourceTree tree;
        tree.file(u"index.html"_qs, "x");
        QCOMPARE(::mkfifo(QFile::encodeName(tree.filePath(u"pipe"_qs)).constData(), 0600), 0);
        const auto result = OutputWalker(1000).walk(tree.path());
        QCOMPARE(refusal(result), u"build.output_invalid"_qs);
        QCOMPARE(result.error().details.value(u"type"_qs).toString(), u"special"_qs);
    }

    void capsTheTotal()
    {
        SourceTree tree;
        tree.file(u"a"_qs, QByteArray(600, 'a')).file(u"b"_qs, QByteArray(600, 'b'));
        const auto result = OutputWalker(1000).walk(tree.path());
        QCOMPARE(refusal(result), u"build.output_too_large"_qs);
        QCOMPARE(result.error().details.value(u"limitBytes"_qs).toInteger(), 1000);
        QVERIFY(OutputWalker(1200).walk(tree.path()));
    }

    void capsTheDepth()
    {
        SourceTree tree;
        tree.file(u"a/b/c/d/index.html"_qs, "x");
        QCOMPARE(refusal(OutputWalker(1000, 2).walk(tree.path())), u"build.output_invalid"_qs);
        QVERIFY(OutputWalker(1000, 4).walk(tree.path()));
    }

    void missingOrEmptyOutput()
    {
        SourceTree tree;
        tree.folder(u"empty/sub"_qs);
        QCOMPARE(refusal(OutputWalker(1000).walk(tree.filePath(u"missing"_qs))), u"build.output_missing"_qs);
        QCOMPARE(refusal(OutputWalker(1000).walk(tree.filePath(u"empty"_qs))), u"build.output_missing"_qs);
    }

    void copiesFilesAndFoldersExactly()
    {
        SourceTree from;
        from.file(u"index.html"_qs, "<p>  hi  </p>").file(u"a/b.txt"_qs, "b").folder(u"empty"_qs);
        QTemporaryDir to;
        const auto totals = OutputWalker(1000).copy(from.path(), to.filePath(u"site"_qs));
        QVERIFY(totals);
        QCOMPARE(totals->files, 2);
        QCOMPARE(SourceTree::read(to.filePath(u"site/index.html"_qs)), QByteArray("<p>  hi  </p>"));
        QCOMPARE(SourceTree::read(to.filePath(u"site/a/b.txt"_qs)), QByteArray("b"));
        QVERIFY(QFileInfo(to.filePath(u"site/empty"_qs)).isDir());
    }

    void copyRefusesLinks()
    {
        SourceTree from;
        from.file(u"index.html"_qs, "x").symlink(u"key"_qs, u"/etc/passwd"_qs);
        QTemporaryDir to;
        const auto result = OutputWalker(1000).copy(from.path(), to.filePath(u"site"_qs));
        QCOMPARE(refusal(result), u"build.output_invalid"_qs);
        QVERIFY(!QFileInfo::exists(to.filePath(u"site/key"_qs)));
    }
};

QTEST_GUILESS_MAIN(TestOutputWalker)
#include "tst_outputwalker.moc"
