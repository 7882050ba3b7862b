// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/archive/entryrules.h"

#include <QtTest>

using namespace ddd::core::archive;

class TestEntryRules final : public QObject
{
    Q_OBJECT

    // "f:name" a file, "d:name" a directory, "l:" symlink, "h:" hard link,
    // "s:" special file.
    static EntryKind kindOf(char tag)
    {
        switch (tag) {
        case 'd':
            return EntryKind::Directory;
        case 'l':
            return EntryKind::Symlink;
        case 'h':
            return EntryKind::Hardlink;
        case 's':
            return EntryKind::Special;
        default:
            return EntryKind::File;
        }
    }

    // Admits every entry; returns the first refusal's code, or "" when all pass.
    static QString firstRefusal(const QByteArrayList &entries, const ArchiveLimits &limits = {})
    {
        EntryRules rules(limits);
        for (const QByteArray &entry : entries) {
            const auto result = rules.admit(entry.mid(2), kindOf(entry.at(0)));
            if (!result.ok())
                return result.error().code;
        }
        return QString();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void judgesEntrySequences_data()
    {
        QTest::addColumn<QByteArrayList>("entries");
        QTest::addColumn<QString>("code");
        const QString duplicate = u"archive.duplicate_entry"_qs;
        const QString collision = u"archive.case_collision"_qs;
        QTest::newRow("files and directories") << QByteArrayList{"d:./", "d:assets/", "f:assets/a.css", "f:index.html"}
                                               << QString();
        QTest::newRow("directory after its content") << QByteArrayList{"f:a/b.txt", "d:a/"} << QString();
        QTest::newRow("empty directory") << QByteArrayList{"d:empty/", "f:index.html"} << QString();
        QTest::newRow("legitimate names") << QByteArrayList{"f:a..b.txt", "f:ünïcode.html", "f:./x.html"} << QString();
        QTest::newRow("same folded prefix twice") << QByteArrayList{"f:Docs/a", "f:Docs/b"} << QString();
        QTest::newRow("file twice") << QByteArrayList{"f:a.txt", "f:a.txt"} << duplicate;
        QTest::newRow("file twice after normalising") << QByteArrayList{"f:a/b.txt", "f:./a//b.txt"} << duplicate;
        QTest::newRow("directory twice") << QByteArrayList{"d:d/", "d:d"} << duplicate;
        QTest::newRow("file then directory") << QByteArrayList{"f:a", "d:a/"} << duplicate;
        QTest::newRow("directory then file") << QByteArrayList{"d:a/", "f:a"} << duplicate;
        QTest::newRow("implied directory then file") << QByteArrayList{"f:a/b", "f:a"} << duplicate;
        QTest::newRow("file below a file") << QByteArrayList{"f:a", "f:a/b"} << duplicate;
        QTest::newRow("file deep below a file") << QByteArrayList{"f:a", "f:a/b/c/d"} << duplicate;
        QTest::newRow("case") << QByteArrayList{"f:Index.html", "f:index.html"} << collision;
        QTest::newRow("case of a directory") << QByteArrayList{"f:A/x", "f:a/y"} << collision;
        QTest::newRow("case of an explicit directory") << QByteArrayList{"d:Docs/", "d:docs/"} << collision;
        QTest::newRow("NFC and NFD") << QByteArrayList{"f:\xc3\xa9.html", "f:e\xcc\x81.html"} << collision;
        QTest::newRow("case beyond ASCII") << QByteArrayList{"f:Ärger.html", "f:ärger.html"} << collision;
        QTest::newRow("symlink") << QByteArrayList{"l:link"} << u"archive.link_entry"_qs;
        QTest::newRow("hard link") << QByteArrayList{"h:copy"} << u"archive.link_entry"_qs;
        QTest::newRow("special file") << QByteArrayList{"s:pipe"} << u"archive.special_file"_qs;
        QTest::newRow("file named like the root") << QByteArrayList{"f:./"} << u"archive.bad_name"_qs;
        QTest::newRow("file with a trailing slash") << QByteArrayList{"f:a/"} << u"archive.bad_name"_qs;
        QTest::newRow("traversal") << QByteArrayList{"f:../x"} << u"archive.path_traversal"_qs;
    }

    void judgesEntrySequences()
    {
        QFETCH(QByteArrayList, entries);
        QFETCH(QString, code);
        QCOMPARE(firstRefusal(entries), code);
    }

    void countsEntriesAgainstTheLimit()
    {
        ArchiveLimits limits;
        limits.maxEntries = 3;
        QCOMPARE(firstRefusal({"d:a/", "f:a/1", "f:a/2"}, limits), QString());
        QCOMPARE(firstRefusal({"d:a/", "f:a/1", "f:a/2", "f:a/3"}, limits), u"archive.too_large"_qs);
    }

    void appliesPathLimits()
    {
        ArchiveLimits limits;
        limits.maxDepth = 2;
        QCOMPARE(firstRefusal({"f:a/b"}, limits), QString());
        QCOMPARE(firstRefusal({"f:a/b/c"}, limits), u"archive.path_too_long"_qs);
    }

    void returnsNormalisedPathsAndCounts()
    {
        EntryRules rules({});
        QCOMPARE(rules.admit("./", EntryKind::Directory).value(), QString());
        QCOMPARE(rules.admit("./site//docs/", EntryKind::Directory).value(), u"site/docs"_qs);
        QCOMPARE(rules.admit("site/docs/index.html", EntryKind::File).value(), u"site/docs/index.html"_qs);
        QCOMPARE(rules.entryCount(), qint64(3));
        QCOMPARE(rules.fileCount(), qint64(1));
    }

    void namesBothSidesOfACollision()
    {
        EntryRules rules({});
        QVERIFY(rules.admit("Index.html", EntryKind::File).ok());
        const auto result = rules.admit("index.html", EntryKind::File);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().details.value(u"entry"_qs).toString(), u"index.html"_qs);
        QCOMPARE(result.error().details.value(u"collidesWith"_qs).toString(), u"Index.html"_qs);
    }
};

QTEST_GUILESS_MAIN(TestEntryRules)
#include "tst_entryrules.moc"
