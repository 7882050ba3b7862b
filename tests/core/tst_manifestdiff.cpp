// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/manifestdiff.h"
#include "core/blobs/sha256.h"

#include <QtTest>

using namespace ddd::core::blobs;

class TestManifestDiff final : public QObject
{
    Q_OBJECT

    static ManifestEntry entry(const QString &path, const QByteArray &content)
    {
        return {path, Sha256::hexOf(content), content.size()};
    }

    static QStringList paths(const QList<ManifestEntry> &entries)
    {
        QStringList out;
        for (const ManifestEntry &e : entries)
            out << e.path;
        return out;
    }

    // live: index.html, about.html, old.css, logo.png
    static Manifest live()
    {
        return Manifest::fromEntries({entry(u"index.html"_qs, "home v1"), entry(u"about.html"_qs, "about"),
                                      entry(u"old.css"_qs, "old styles"), entry(u"logo.png"_qs, "png")})
            .value();
    }

    // next: index.html changed, about.html same, old.css removed, new.css
    // added, copy.png added with logo.png's content, two new files sharing content.
    static Manifest next()
    {
        return Manifest::fromEntries({entry(u"index.html"_qs, "home v2!"), entry(u"about.html"_qs, "about"),
                                      entry(u"new.css"_qs, "new styles"), entry(u"copy.png"_qs, "png"),
                                      entry(u"a.txt"_qs, "twin"), entry(u"b.txt"_qs, "twin")})
            .value();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void findsAddedChangedAndRemoved()
    {
        const ManifestDiff diff = ManifestDiff::between(live(), next());
        QCOMPARE(paths(diff.added()), (QStringList{u"a.txt"_qs, u"b.txt"_qs, u"copy.png"_qs, u"new.css"_qs}));
        QCOMPARE(diff.changed().size(), qsizetype(1));
        QCOMPARE(diff.changed().first().before, entry(u"index.html"_qs, "home v1"));
        QCOMPARE(diff.changed().first().after, entry(u"index.html"_qs, "home v2!"));
        QCOMPARE(paths(diff.removed()), (QStringList{u"logo.png"_qs, u"old.css"_qs}));
        QVERIFY(!diff.isEmpty());
    }

    void countsByteDeltas()
    {
        const ManifestDiff diff = ManifestDiff::between(live(), next());
        QCOMPARE(diff.bytesAdded(), qint64(4 + 4 + 3 + 10 + 8));   // a, b, copy, new.css, index v2
        QCOMPARE(diff.bytesRemoved(), qint64(3 + 10 + 7));        // logo, old.css, index v1
        QCOMPARE(diff.bytesAdded() - diff.bytesRemoved(), next().totalBytes() - live().totalBytes());
    }

    void uploadsEachNewContentOnce()
    {
        const ManifestDiff diff = ManifestDiff::between(live(), next());
        // "png" is already live, "twin" counts once.
        QCOMPARE(paths(diff.blobsToUpload()), (QStringList{u"a.txt"_qs, u"new.css"_qs, u"index.html"_qs}));
        QCOMPARE(diff.bytesToUpload(), qint64(4 + 10 + 8));
    }

    void leavesOutBlobsTheStoreHolds()
    {
        const QByteArray stored = Sha256::hexOf("new styles");
        const ManifestDiff diff =
            ManifestDiff::between(live(), next(), [&stored](const QByteArray &hash) { return hash == stored; });
        QCOMPARE(paths(diff.blobsToUpload()), (QStringList{u"a.txt"_qs, u"index.html"_qs}));
        QCOMPARE(diff.bytesToUpload(), qint64(4 + 8));
    }

    void identicalManifestsDiffToNothing()
    {
        const ManifestDiff diff = ManifestDiff::between(live(), live());
        QVERIFY(diff.isEmpty());
        QCOMPARE(diff.bytesToUpload(), qint64(0));
        const ManifestDiff first = ManifestDiff::between(Manifest(), live());
        QCOMPARE(first.added().size(), qsizetype(4));
        QCOMPARE(first.bytesToUpload(), live().totalBytes());
    }
};

QTEST_GUILESS_MAIN(TestManifestDiff)
#include "tst_manifestdiff.moc"
