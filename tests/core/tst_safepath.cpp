// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/safepath.h"

#include <QRandomGenerator>
#include <QUrl>
#include <QtTest>

using ddd::core::SafePath;

class TestSafePath final : public QObject
{
    Q_OBJECT

    // Random inputs biased towards the characters that matter to a path.
    static QByteArray randomPath(QRandomGenerator &random)
    {
        static const QByteArray interesting = QByteArrayLiteral("/./../%2e%2E%2f%5c\\a.b%c3%bc%00%ff/");
        QByteArray bytes;
        const int length = random.bounded(1, 24);
        for (int i = 0; i < length; ++i) {
            const int pick = random.bounded(10);
            if (pick < 7)
                bytes += interesting.at(random.bounded(interesting.size()));
            else if (pick < 9)
                bytes += "/..";
            else
                bytes += char(random.bounded(256));
        }
        return bytes;
    }

    // A path of `size` bytes made of components short enough to pass.
    static QByteArray longPath(qsizetype size)
    {
        return (QByteArray(199, 'x') + '/').repeated(5) + QByteArray(size - 1000, 'y');
    }

    static bool hasDotDotSegment(const QString &path)
    {
        return path.split(u'/').contains(u".."_qs);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void acceptsArchiveEntry_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QByteArray("index.html") << u"index.html"_qs;
        QTest::newRow("leading ./") << QByteArray("./index.html") << u"index.html"_qs;
        QTest::newRow("inner dots") << QByteArray("a..b.txt") << u"a..b.txt"_qs;
        QTest::newRow("dots in directory") << QByteArray("a/..b/c") << u"a/..b/c"_qs;
        QTest::newRow("three dots") << QByteArray("...") << u"..."_qs;
        QTest::newRow("unicode") << QByteArray("ünïcode.html") << u"ünïcode.html"_qs;
        QTest::newRow("repeated slashes") << QByteArray("a//b///c") << u"a/b/c"_qs;
        QTest::newRow("dot segments") << QByteArray("a/./b/.") << u"a/b"_qs;
        QTest::newRow("directory") << QByteArray("docs/") << u"docs/"_qs;
        QTest::newRow("root") << QByteArray("./") << QString();
        QTest::newRow("dotfile") << QByteArray(".well-known/security.txt") << u".well-known/security.txt"_qs;
        QTest::newRow("colon later") << QByteArray("a/c:b") << u"a/c:b"_qs;
        QTest::newRow("1024 bytes") << longPath(1024) << QString::fromLatin1(longPath(1024));
        QTest::newRow("255-byte component") << QByteArray(255, 'x') << QString(255, u'x');
        QTest::newRow("depth 64") << QByteArray("d/").repeated(63) + "f" << QString::fromLatin1(QByteArray("d/").repeated(63) + "f");
    }

    void acceptsArchiveEntry()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, expected);
        const auto result = SafePath::fromArchiveEntry(raw);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, expected);
    }

    void refusesArchiveEntry_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("code");
        const QString traversal = u"archive.path_traversal"_qs;
        const QString badName = u"archive.bad_name"_qs;
        const QString tooLong = u"archive.path_too_long"_qs;
        QTest::newRow("parent") << QByteArray("../x") << traversal;
        QTest::newRow("parent alone") << QByteArray("..") << traversal;
        QTest::newRow("inner parent") << QByteArray("a/../b") << traversal;
        QTest::newRow("trailing parent") << QByteArray("a/..") << traversal;
        QTest::newRow("absolute") << QByteArray("/etc/passwd") << traversal;
        QTest::newRow("UNC") << QByteArray("//server/share") << traversal;
        QTest::newRow("drive") << QByteArray("C:/x") << traversal;
        QTest::newRow("drive relative") << QByteArray("c:x") << traversal;
        QTest::newRow("drive after dot") << QByteArray("./C:/x") << traversal;
        QTest::newRow("backslash") << QByteArray("a\\b") << badName;
        QTest::newRow("backslash traversal") << QByteArray("..\\x") << badName;
        QTest::newRow("NUL") << QByteArray("a\0b", 3) << badName;
        QTest::newRow("control") << QByteArray("a\x01" "b") << badName;
        QTest::newRow("newline") << QByteArray("a\nb") << badName;
        QTest::newRow("DEL") << QByteArray("a\x7f") << badName;
        QTest::newRow("invalid byte") << QByteArray("\xff.html") << badName;
        QTest::newRow("truncated sequence") << QByteArray("a\xc3") << badName;
        QTest::newRow("overlong slash") << QByteArray("a\xc0\xaf" "b") << badName;
        QTest::newRow("overlong dot") << QByteArray("\xe0\x80\xae\xe0\x80\xae/x") << badName;
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << badName;
        QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << badName;
        QTest::newRow("empty") << QByteArray() << badName;
        QTest::newRow("1025 bytes") << longPath(1025) << tooLong;
        QTest::newRow("256-byte component") << QByteArray(256, 'x') << tooLong;
        QTest::newRow("depth 65") << QByteArray("d/").repeated(64) + "f" << tooLong;
    }

    void refusesArchiveEntry()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, code);
        const auto result = SafePath::fromArchiveEntry(raw);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, code);
        QCOMPARE(result.error().details.value(u"entry"_qs).toString(), SafePath::displayName(raw));
    }

    void acceptsUrlPath_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<QString>("expected");
        QTest::newRow("root") << QByteArray("/") << u"/"_qs;
        QTest::newRow("file") << QByteArray("/a/b.html") << u"/a/b.html"_qs;
        QTest::newRow("directory") << QByteArray("/docs/") << u"/docs/"_qs;
        QTest::newRow("merged slashes") << QByteArray("//a///b") << u"/a/b"_qs;
        QTest::newRow("dot") << QByteArray("/a/./b") << u"/a/b"_qs;
        QTest::newRow("trailing dot") << QByteArray("/a/.") << u"/a/"_qs;
        QTest::newRow("parent inside") << QByteArray("/a/../b") << u"/b"_qs;
        QTest::newRow("parent to root") << QByteArray("/a/..") << u"/"_qs;
        QTest::newRow("encoded parent inside") << QByteArray("/a/%2e%2E/b") << u"/b"_qs;
        QTest::newRow("encoded unicode") << QByteArray("/%C3%BCn%C3%AF.html") << u"/ünï.html"_qs;
        QTest::newRow("raw unicode") << QByteArray("/ünï.html") << u"/ünï.html"_qs;
        QTest::newRow("decoded once") << QByteArray("/%252e%252e/x") << u"/%2e%2e/x"_qs;
        QTest::newRow("encoded slash") << QByteArray("/a%2Fb") << u"/a/b"_qs;
        QTest::newRow("inner dots") << QByteArray("/a..b.txt") << u"/a..b.txt"_qs;
        QTest::newRow("space") << QByteArray("/a%20b") << u"/a b"_qs;
        // At the plain-path shortcut's edges: each must match the full route.
        QTest::newRow("deepest allowed") << QByteArray("/d").repeated(64) << QString::fromLatin1(QByteArray("/d").repeated(64));
        QTest::newRow("longest component") << "/" + QByteArray(255, 'a') << u"/"_qs + QString(255, u'a');
        QTest::newRow("dotfile") << QByteArray("/.env") << u"/.env"_qs;
        QTest::newRow("dot inside a name") << QByteArray("/a/b.c/d.") << u"/a/b.c/d."_qs;
        QTest::newRow("colon later") << QByteArray("/a/c:d") << u"/a/c:d"_qs;
    }

    void acceptsUrlPath()
    {
        QFETCH(QByteArray, raw);
        QFETCH(QString, expected);
        const auto result = SafePath::fromUrlPath(raw);
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, expected);
    }

    void refusesUrlPath_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("relative") << QByteArray("a/b");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("above root") << QByteArray("/..");
        QTest::newRow("passwd") << QByteArray("/../etc/passwd");
        QTest::newRow("climbs later") << QByteArray("/a/../../x");
        QTest::newRow("encoded above root") << QByteArray("/%2e%2e/x");
        QTest::newRow("encoded slash and dots") << QByteArray("/a%2f..%2f..%2fx");
        QTest::newRow("NUL") << QByteArray("/%00");
        QTest::newRow("control") << QByteArray("/a%0d%0ab");
        QTest::newRow("backslash") << QByteArray("/a\\b");
        QTest::newRow("encoded backslash") << QByteArray("/..%5c..%5cx");
        QTest::newRow("bad escape") << QByteArray("/%zz");
        QTest::newRow("short escape") << QByteArray("/%4");
        QTest::newRow("invalid UTF-8") << QByteArray("/%ff");
        QTest::newRow("overlong slash") << QByteArray("/%c0%af");
        QTest::newRow("drive") << QByteArray("/c:/windows");
        QTest::newRow("too long") << "/" + QByteArray(2000, 'a');
        QTest::newRow("too deep") << QByteArray("/d").repeated(65);
        QTest::newRow("component too long") << "/" + QByteArray(256, 'a');
        QTest::newRow("DEL") << QByteArray("/a\x7f");
        QTest::newRow("raw control") << QByteArray("/a\tb");
        QTest::newRow("drive, upper case") << QByteArray("/C:x");
    }

    void refusesUrlPath()
    {
        QFETCH(QByteArray, raw);
        const auto result = SafePath::fromUrlPath(raw);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, u"site.bad_path"_qs);
    }

    void displayNameEscapesWhatCannotBeShown()
    {
        QCOMPARE(SafePath::displayName(QByteArray("a\0b\\c\xff\x01ü", 9)), u"a\\x00b\\x5cc\\xff\\x01ü"_qs);
        QCOMPARE(SafePath::displayName(QByteArray(500, 'a')).size(), 201);
    }

    // Property: whatever bytes come in, an accepted entry name has no ".."
    // segment, no backslash, no leading slash, and normalising it again
    // changes nothing.
    void archiveEntryPropertyHolds()
    {
        QRandomGenerator random(20260601);
        int accepted = 0;
        for (int i = 0; i < 20000; ++i) {
            const QByteArray raw = randomPath(random);
            const auto result = SafePath::fromArchiveEntry(raw);
            if (!result.ok() || result->isEmpty())
                continue;
            ++accepted;
            QVERIFY2(!hasDotDotSegment(*result) && !result->contains(u'\\') && !result->startsWith(u'/'),
                     qPrintable(*result));
            const auto again = SafePath::fromArchiveEntry(result->toUtf8());
            QVERIFY(again.ok());
            QCOMPARE(*again, *result);
        }
        QVERIFY(accepted > 1000); // the generator must actually exercise acceptance
    }

    // Property: an accepted request path starts with "/", has no ".." segment,
    // backslash or empty segment, is stable once re-encoded, and names what
    // fromArchiveEntry would accept: one normaliser for both sides.
    void urlPathPropertyHolds()
    {
        QRandomGenerator random(20260602);
        int accepted = 0;
        for (int i = 0; i < 20000; ++i) {
            const QByteArray raw = '/' + randomPath(random);
            const auto result = SafePath::fromUrlPath(raw);
            if (!result.ok())
                continue;
            ++accepted;
            QVERIFY2(result->startsWith(u'/') && !hasDotDotSegment(*result) && !result->contains(u'\\')
                         && !result->contains(u"//"_qs),
                     qPrintable(*result));
            const auto again = SafePath::fromUrlPath(QUrl::toPercentEncoding(*result, "/"));
            QVERIFY(again.ok());
            QCOMPARE(*again, *result);
            if (*result == u"/")
                continue;
            const auto entry = SafePath::fromArchiveEntry(result->mid(1).toUtf8());
            QVERIFY(entry.ok());
            QCOMPARE(*entry, result->mid(1));
        }
        QVERIFY(accepted > 1000);
    }
};

QTEST_GUILESS_MAIN(TestSafePath)
#include "tst_safepath.moc"
