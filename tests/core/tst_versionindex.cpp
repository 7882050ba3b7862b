// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// VersionIndex and VersionIndexWriter: lookups, order, and the refusals of
// a file that is not a sound index of the version asked for.
#include "core/deploy/contenttypetable.h"
#include "core/deploy/versionindex.h"
#include "core/deploy/versionindexwriter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace ddd::core;
using namespace ddd::core::deploy;

namespace {

QByteArray hashOf(const QByteArray &content)
{
    return QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
}

QByteArray indexBytes(qint64 versionId, const QList<QByteArray> &paths)
{
    VersionIndexWriter writer(versionId);
    for (const QByteArray &path : paths)
        if (Status added = writer.add(path, hashOf(path), path.size(), 0, 0); !added)
            qFatal("add: %s", qPrintable(added.error().message));
    return writer.bytes().value();
}

std::shared_ptr<const VersionIndex> indexOf(const QList<QByteArray> &paths)
{
    return VersionIndex::fromBytes(indexBytes(7, paths), 7).value();
}

} // namespace

class TestVersionIndex final : public QObject
{
    Q_OBJECT

private slots:
    void findsEveryPathAndMissesOthers()
    {
        QList<QByteArray> paths;
        for (int i = 0; i < 1000; ++i)
            paths.append("dir" + QByteArray::number(i % 17) + "/file" + QByteArray::number(i) + ".html");
        const auto index = indexOf(paths);
        QCOMPARE(index->size(), 1000);
        QCOMPARE(index->versionId(), 7);
        for (const QByteArray &path : paths) {
            const std::optional<SiteFile> file = index->find(QString::fromUtf8(path));
            QVERIFY2(file, path.constData());
            QCOMPARE(file->sha256, hashOf(path));
            QCOMPARE(file->size, path.size());
            QVERIFY(file->compressible);
            QCOMPARE(file->contentType, ContentTypeTable::idForPath(QString::fromUtf8(path)));
        }
        for (const QString &missing : {u"dir1"_qs, u"dir1/"_qs, u"file1.html"_qs, u"dir0/file0.htm"_qs,
                                       u"dir0/file0.html/"_qs, u""_qs, u"zzz"_qs, u"\u00e9"_qs})
            QVERIFY2(!index->find(missing), qPrintable(missing));
    }

    void emptyIndexFindsNothing()
    {
        const auto index = indexOf({});
        QCOMPARE(index->size(), 0);
        QVERIFY(!index->find(u"index.html"_qs));
        QVERIFY(index->verify());
    }

    void unicodePathsAreComparedAsUtf8Bytes()
    {
        // UTF-16 order would put U+FF5E (one code unit) after U+1F600 (a
        // surrogate pair, 0xD83D...); UTF-8 byte order, like SQLite's, puts
        // it before. Lookups must agree with the writer's order either way.
        const QList<QByteArray> paths = {u"\U0001F600.txt"_qs.toUtf8(), u"\uFF5E.txt"_qs.toUtf8(),
                                         u"caf\u00e9/index.html"_qs.toUtf8(), u"cafe/index.html"_qs.toUtf8(),
                                         u"\u65e5\u672c/\u8a9e.css"_qs.toUtf8(), "Z.txt", "a.txt"};
        const auto index = indexOf(paths);
        for (const QByteArray &path : paths)
            QVERIFY2(index->find(QString::fromUtf8(path)), path.constData());
        QVERIFY(!index->find(u"caf\u00e9"_qs));
        QVERIFY(!index->find(u"cafe\u0301/index.html"_qs)); // no normalisation: another path
        QStringList order;
        for (qsizetype i = 0; i < index->size(); ++i)
            order.append(index->pathAt(i));
        QCOMPARE(order.first(), u"Z.txt"_qs);
        QCOMPARE(order.indexOf(u"\uFF5E.txt"_qs) + 1, order.indexOf(u"\U0001F600.txt"_qs));
        QVERIFY(index->verify());
    }

    void sortOrderEdgeCases()
    {
        // Prefixes, '/' (0x2F) against '.' and '-', upper before lower case.
        const QList<QByteArray> paths = {"a", "a/b", "a.b", "a-b", "a/", "ab", "A", "a/b/c", "a0"};
        const auto index = indexOf(paths);
        for (const QByteArray &path : paths)
            QVERIFY2(index->find(QString::fromUtf8(path)), path.constData());
        QCOMPARE(index->pathAt(0), u"A"_qs);
        QCOMPARE(index->pathAt(1), u"a"_qs);
        QCOMPARE(index->pathAt(2), u"a-b"_qs);
        QCOMPARE(index->pathAt(3), u"a.b"_qs);
        QCOMPARE(index->pathAt(4), u"a/"_qs);
        QVERIFY(index->verify());
    }

    void presortedAndShuffledInputGiveTheSameFile()
    {
        QCOMPARE(indexBytes(3, {"a", "b", "c"}), indexBytes(3, {"c", "a", "b"}));
    }

    void variantSizesOnlyForCompressibleFiles()
    {
        VersionIndexWriter writer(1);
        QVERIFY(writer.add("app.js", hashOf("js"), 1000, 300, 400));
        QVERIFY(writer.add("logo.png", hashOf("png"), 1000, 300, 400));
        const auto index = VersionIndex::fromBytes(writer.bytes().value(), 1).value();
        const SiteFile js = index->find(u"app.js"_qs).value();
        QCOMPARE(js.brotliSize, 300);
        QCOMPARE(js.gzipSize, 400);
        QCOMPARE(ContentTypeTable::type(js.contentType), "text/javascript; charset=utf-8");
        const SiteFile png = index->find(u"logo.png"_qs).value();
        QVERIFY(!png.compressible);
        QCOMPARE(png.brotliSize, 0);
        QCOMPARE(ContentTypeTable::type(png.contentType), "image/png");
    }

    void writerRefusesBadRows()
    {
        VersionIndexWriter writer(1);
        QCOMPARE(writer.add("", hashOf("x"), 1).error().code, u"index.invalid_row"_qs);
        QCOMPARE(writer.add("a", "not-hex", 1).error().code, u"index.invalid_row"_qs);
        QCOMPARE(writer.add("a", hashOf("x").toUpper(), 1).error().code, u"index.invalid_row"_qs);
        QCOMPARE(writer.add("a", hashOf("x"), -1).error().code, u"index.invalid_row"_qs);
        QCOMPARE(writer.add(QByteArray(70000, 'a'), hashOf("x"), 1).error().code, u"index.invalid_row"_qs);
        QVERIFY(writer.add("b", hashOf("x"), 1));
        QCOMPARE(writer.add("b", hashOf("y"), 1).error().code, u"index.duplicate_path"_qs);
        QVERIFY(writer.add("a", hashOf("x"), 1));
        QVERIFY(writer.add("c", hashOf("x"), 1));
        QVERIFY(writer.add("a/x", hashOf("x"), 1));
        QVERIFY(writer.add("a", hashOf("z"), 1)); // out of order: found when sorting
        QCOMPARE(writer.bytes().error().code, u"index.duplicate_path"_qs);
    }

    void writesAtomicallyAndMapsTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"9.idx"_qs);
        VersionIndexWriter writer(9);
        QVERIFY(writer.add("index.html", hashOf("x"), 1));
        QVERIFY(writer.writeTo(path));
        QVERIFY(!QFile::exists(path + u".tmp"_qs));
        const auto mapped = VersionIndex::open(path, 9);
        QVERIFY(mapped);
        // A reader keeps its mapping while the file is replaced and deleted.
        VersionIndexWriter other(9);
        QVERIFY(other.add("other.html", hashOf("y"), 2));
        QVERIFY(other.writeTo(path));
        QVERIFY(QFile::remove(path));
        QCOMPARE((*mapped)->find(u"index.html"_qs)->size, 1);
        QVERIFY((*mapped)->verify());
        QCOMPARE(VersionIndex::open(path, 9).error().code, u"index.missing"_qs);
    }

    void refusesTruncatedFiles()
    {
        const QByteArray whole = indexBytes(5, {"a.html", "b.html", "c.html"});
        for (qsizetype size : {qsizetype(0), qsizetype(10), qsizetype(63), qsizetype(64), whole.size() - 1})
            QCOMPARE(VersionIndex::fromBytes(whole.left(size), 5).error().code, u"index.truncated"_qs);
        QTemporaryDir dir;
        QFile file(dir.filePath(u"5.idx"_qs));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(whole.left(whole.size() - 5));
        file.close();
        QCOMPARE(VersionIndex::open(file.fileName(), 5).error().code, u"index.truncated"_qs);
    }

    void refusesDamagedFiles()
    {
        const QByteArray whole = indexBytes(5, {"a.html", "b.html", "c.html"});
        QByteArray badMagic = whole;
        badMagic[0] = 'X';
        QCOMPARE(VersionIndex::fromBytes(badMagic, 5).error().code, u"index.corrupt"_qs);
        QByteArray badHeader = whole;
        badHeader[16] = char(badHeader[16] ^ 1); // the version id, under the header checksum
        QCOMPARE(VersionIndex::fromBytes(badHeader, 5).error().code, u"index.corrupt"_qs);
        QCOMPARE(VersionIndex::fromBytes(whole + "x", 5).error().code, u"index.corrupt"_qs);
        QCOMPARE(VersionIndex::fromBytes(QByteArray(100, '\0'), 5).error().code, u"index.corrupt"_qs);
        // A flipped byte in the body passes the constant-time open, not verify().
        QByteArray badBody = whole;
        badBody[64 + 40] = char(badBody[64 + 40] ^ 1);
        const auto opened = VersionIndex::fromBytes(badBody, 5);
        QVERIFY(opened);
        QCOMPARE((*opened)->verify().error().code, u"index.corrupt"_qs);
    }

    void refusesAnotherVersionsIndex()
    {
        QCOMPARE(VersionIndex::fromBytes(indexBytes(5, {"a"}), 6).error().code, u"index.stale"_qs);
    }
};

QTEST_GUILESS_MAIN(TestVersionIndex)
#include "tst_versionindex.moc"
