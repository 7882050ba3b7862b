// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The local blob store as a size-capped cache of shared object storage
// (blobs.cache_max_bytes): BlobStore's cache hooks, BlobCacheTrimmer's
// choice of what goes, and BlobCacheKeeper's thread. A real store and a real
// SQLite file; the bucket itself is not needed here (the fetch hook is), it
// is in tst_sharedsite.
#include "core/blobs/blobstore.h"
#include "core/blobs/blobusage.h"
#include "core/blobs/sha256.h"
#include "core/blobs/sweeplock.h"
#include "core/deploy/blobcachekeeper.h"
#include "core/deploy/blobcachetrimmer.h"
#include "core/storage/publishedblobstore.h"
#include "tests/support/fakeclock.h"
#include "tests/support/tempdatabase.h"

#include <QDateTime>
#include <QFile>
#include <QtTest>

using namespace ddd::core;
using ddd::core::deploy::BlobCacheKeeper;
using ddd::core::deploy::BlobCacheTrimmer;
using ddd::test::FakeClock;
using ddd::test::TempDatabase;

namespace {

const QString Bucket = u"s3://bucket/prefix/"_qs;
constexpr qint64 Hour = 3'600'000;

// A store, its database and a clock at the real time, so a blob just
// written counts as just used, as in the agent.
struct CacheKit
{
    TempDatabase database;
    blobs::BlobStore store{database.dataDir()};
    FakeClock clock{QDateTime::currentMSecsSinceEpoch()};
    blobs::BlobUsage usage{clock};
    storage::PublishedBlobStore published{database.provider()};

    CacheKit()
    {
        if (!store.initialise().ok())
            qFatal("cannot create the blob store");
    }

    BlobCacheTrimmer trimmer(qint64 maxBytes)
    {
        return BlobCacheTrimmer(store, published, Bucket, usage, clock, BlobCacheTrimmer::Limits{maxBytes, 60'000});
    }

    // `size` bytes of distinct content, committed; last modified `ageMs` ago.
    QByteArray add(int number, qint64 size, qint64 ageMs)
    {
        QByteArray content = QByteArray::number(number).leftJustified(size, '.');
        const QByteArray sha256 = blobs::Sha256::hexOf(content);
        const QString staged = store.stagingRoot() + u"/blob-"_qs + QString::number(number);
        QFile file(staged);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != size)
            qFatal("cannot stage a blob");
        file.close();
        if (!store.commit(blobs::StagedBlob{staged, sha256, size}).ok())
            qFatal("cannot commit a blob");
        setAge(sha256, ageMs);
        return sha256;
    }

    void setAge(const QByteArray &sha256, qint64 ageMs)
    {
        QFile file(store.pathFor(sha256));
        if (!file.open(QIODevice::ReadWrite)
            || !file.setFileTime(QDateTime::fromMSecsSinceEpoch(clock.nowMs() - ageMs), QFileDevice::FileModificationTime))
            qFatal("cannot age a blob");
    }

    void publish(const QList<QByteArray> &sha256s)
    {
        if (!published.record(Bucket, sha256s, clock.nowMs()).ok())
            qFatal("cannot record published blobs");
    }

    void touchAt(const QByteArray &sha256, qint64 agoMs)
    {
        const qint64 now = clock.nowMs();
        clock.setMs(now - agoMs);
        usage.touch(sha256);
        clock.setMs(now);
    }

    QList<bool> held(const QList<QByteArray> &sha256s) const
    {
        QList<bool> present;
        for (const QByteArray &sha256 : sha256s)
            present.append(store.contains(sha256));
        return present;
    }
};

} // namespace

class TestBlobCache final : public QObject
{
    Q_OBJECT

private slots:
    // Without hooks ensureHeld() only looks; with them a missing blob is
    // fetched, a held one is not, and a bad name never reaches the fetcher.
    void ensureHeldFetchesOnlyWhatIsMissing()
    {
        CacheKit kit;
        const QByteArray here = kit.add(1, 10, 0);
        const QByteArray away = blobs::Sha256::hexOf("not here");
        QCOMPARE(kit.store.ensureHeld(here).ok(), true);
        QCOMPARE(kit.store.ensureHeld(away).error().code, u"blob.not_found"_qs);

        QList<QByteArray> asked;
        kit.store.setCacheHooks({[&](const QByteArray &sha256) -> Status {
                                     asked.append(sha256);
                                     return Error::make(u"objects.unavailable"_qs, u"bucket down"_qs);
                                 },
                                 {}});
        QVERIFY(kit.store.ensureHeld(here).ok());
        QCOMPARE(kit.store.ensureHeld(away).error().code, u"objects.unavailable"_qs);
        QCOMPARE(kit.store.ensureHeld("../../etc/passwd").error().code, u"blob.invalid_hash"_qs);
        QCOMPARE(asked, QList<QByteArray>{away});
    }

    // `added` hears of content that is new to the store, not of duplicates.
    void addedHearsOfNewBlobsOnly()
    {
        CacheKit kit;
        QList<qint64> added;
        kit.store.setCacheHooks({{}, [&](qint64 bytes) { added.append(bytes); }});
        kit.add(1, 100, 0);
        kit.add(2, 250, 0);
        kit.add(1, 100, 0); // the same content again
        QCOMPARE(added, (QList<qint64>{100, 250}));
    }

    void underTheCapNothingGoes()
    {
        CacheKit kit;
        const QList<QByteArray> blobs{kit.add(1, 1000, 5 * Hour), kit.add(2, 1000, 4 * Hour), kit.add(3, 1000, 3 * Hour)};
        kit.publish(blobs);
        const Result<BlobCacheTrimmer::Outcome> outcome = kit.trimmer(3000).trim();
        QVERIFY(outcome);
        QCOMPARE(outcome->heldBlobs, 3);
        QCOMPARE(outcome->heldBytes, 3000);
        QCOMPARE(outcome->evictedBlobs, 0);
        QCOMPARE(kit.held(blobs), (QList<bool>{true, true, true}));
    }

    // Least recently modified first, down to nine tenths of the cap.
    void oldestGoFirstDownToNineTenths()
    {
        CacheKit kit;
        QList<QByteArray> blobs; // blobs[0] the oldest
        for (int i = 0; i < 10; ++i)
            blobs.append(kit.add(i, 1000, (10 - i) * Hour));
        kit.publish(blobs);
        kit.usage.touch(blobs.at(9));
        kit.setAge(blobs.at(9), 10 * Hour); // the touch counts, not the old file time

        const Result<BlobCacheTrimmer::Outcome> outcome = kit.trimmer(8000).trim();
        QVERIFY(outcome);
        QCOMPARE(outcome->evictedBlobs, 3); // 10,000 -> 7,000 <= 7,200
        QCOMPARE(outcome->evictedBytes, 3000);
        QCOMPARE(outcome->heldBlobs, 7);
        QCOMPARE(outcome->heldBytes, 7000);
        QCOMPARE(kit.held(blobs), (QList<bool>{false, false, false, true, true, true, true, true, true, true}));
        QCOMPARE(kit.usage.size(), 1);
    }

    // A touch outranks an older file time, and an older touch loses to a
    // newer file time.
    void lastReadDecides()
    {
        CacheKit kit;
        const QByteArray readTwoHoursAgo = kit.add(1, 1000, 5 * Hour);
        const QByteArray writtenThreeHoursAgo = kit.add(2, 1000, 3 * Hour);
        kit.touchAt(readTwoHoursAgo, 2 * Hour);
        kit.publish({readTwoHoursAgo, writtenThreeHoursAgo});
        QVERIFY(kit.trimmer(1500).trim());
        QCOMPARE(kit.held({readTwoHoursAgo, writtenThreeHoursAgo}), (QList<bool>{true, false}));
    }

    // What the bucket does not hold yet, and what was read in the last
    // minute, stay even over the cap: the cap is a target.
    void unpublishedAndRecentlyReadStay()
    {
        CacheKit kit;
        const QByteArray unpublished = kit.add(1, 1000, 9 * Hour);
        const QByteArray justRead = kit.add(2, 1000, 8 * Hour);
        const QByteArray idle = kit.add(3, 1000, 7 * Hour);
        const QByteArray justWritten = kit.add(4, 1000, 10'000);
        kit.usage.touch(justRead);
        kit.publish({justRead, idle, justWritten});

        const Result<BlobCacheTrimmer::Outcome> outcome = kit.trimmer(1000).trim();
        QVERIFY(outcome);
        QCOMPARE(kit.held({unpublished, justRead, idle, justWritten}), (QList<bool>{true, true, false, true}));
        QCOMPARE(outcome->heldBytes, 3000);
        QVERIFY(!outcome->skipped);
    }

    // Blobs the agent names as kept (every version's rules files) stay
    // however old; a failure to name them deletes nothing.
    void keptBlobsStay()
    {
        CacheKit kit;
        const QByteArray rules = kit.add(1, 1000, 9 * Hour);
        const QByteArray page = kit.add(2, 1000, 8 * Hour);
        kit.publish({rules, page});
        BlobCacheTrimmer trimmer(kit.store, kit.published, Bucket, kit.usage, kit.clock, {100, 60'000},
                                 [&]() -> Result<QSet<QByteArray>> { return QSet<QByteArray>{rules}; });
        QVERIFY(trimmer.trim());
        QCOMPARE(kit.held({rules, page}), (QList<bool>{true, false}));

        const QByteArray other = kit.add(3, 1000, 7 * Hour);
        kit.publish({other});
        BlobCacheTrimmer failing(kit.store, kit.published, Bucket, kit.usage, kit.clock, {100, 60'000},
                                 []() -> Result<QSet<QByteArray>> { return Error::make(u"storage.busy"_qs, u"busy"_qs); });
        QCOMPARE(failing.trim().error().code, u"storage.busy"_qs);
        QVERIFY(kit.store.contains(other));
    }

    // A published record for another bucket does not count.
    void anotherBucketsRecordDoesNotCount()
    {
        CacheKit kit;
        const QByteArray blob = kit.add(1, 1000, 9 * Hour);
        QVERIFY(kit.published.record(u"s3://other/"_qs, {blob}, kit.clock.nowMs()).ok());
        QVERIFY(kit.trimmer(100).trim());
        QVERIFY(kit.store.contains(blob));
    }

    // A backup or check reads the store under the sweep lock: the round is
    // skipped and nothing is deleted.
    void skippedWhileABackupReads()
    {
        CacheKit kit;
        const QByteArray blob = kit.add(1, 1000, 9 * Hour);
        kit.publish({blob});
        {
            Result<blobs::SweepLock> reading = blobs::SweepLock::read(kit.store.dataRoot());
            QVERIFY(reading);
            const Result<BlobCacheTrimmer::Outcome> outcome = kit.trimmer(100).trim();
            QVERIFY(outcome);
            QVERIFY(outcome->skipped);
            QVERIFY(kit.store.contains(blob));
        }
        QVERIFY(kit.trimmer(100).trim());
        QVERIFY(!kit.store.contains(blob));
    }

    // The keeper trims once asked to measure, and again when what is moved
    // in takes the store over the cap.
    void keeperTrimsWhenAdditionsPassTheCap()
    {
        CacheKit kit;
        QList<QByteArray> old;
        for (int i = 0; i < 10; ++i)
            old.append(kit.add(i, 1000, (20 - i) * Hour));
        kit.publish(old);
        BlobCacheTrimmer trimmer = kit.trimmer(12000);
        BlobCacheKeeper keeper(trimmer, [&] { kit.database.provider().releaseCurrent(); });
        keeper.measure();
        keeper.waitUntilIdle();
        QCOMPARE(kit.held(old), QList<bool>(10, true));

        QList<QByteArray> fresh;
        for (int i = 10; i < 15; ++i)
            fresh.append(kit.add(i, 1000, 0));
        keeper.added(1000); // 11,000 by its count: no round yet...
        keeper.waitUntilIdle();
        QCOMPARE(kit.held(old), QList<bool>(10, true));
        keeper.added(4000); // ...15,000 is over 12,000: a round
        keeper.waitUntilIdle();
        // Down to 10,000 <= 10,800: the five oldest went, the new ones stay.
        QCOMPARE(kit.held(old), (QList<bool>{false, false, false, false, false, true, true, true, true, true}));
        QCOMPARE(kit.held(fresh), QList<bool>(5, true));
    }

    // A round that cannot get under the cap is tried again later, and then
    // evicts what has become evictable.
    void keeperTriesAgainLater()
    {
        CacheKit kit;
        const QByteArray blob = kit.add(1, 1000, 9 * Hour); // not published yet
        BlobCacheTrimmer trimmer = kit.trimmer(500);
        BlobCacheKeeper keeper(trimmer, [&] { kit.database.provider().releaseCurrent(); }, std::chrono::milliseconds(20));
        keeper.measure();
        keeper.waitUntilIdle();
        QVERIFY(kit.store.contains(blob));
        kit.publish({blob});
        QTRY_VERIFY_WITH_TIMEOUT(!kit.store.contains(blob), 10000);
    }

    // A follower's copies (dropUnreferenced): without a cap a round takes
    // only the idle, published copies nothing references; with a cap the
    // least recently read of the rest go as before.
    void copiesNobodyReferencesGo()
    {
        CacheKit kit;
        const QByteArray referenced = kit.add(1, 1000, 9 * Hour);
        const QByteArray dropped = kit.add(2, 1000, 9 * Hour);
        const QByteArray readNow = kit.add(3, 1000, 9 * Hour);
        const QByteArray unpublished = kit.add(4, 1000, 9 * Hour);
        kit.publish({referenced, dropped, readNow});
        kit.touchAt(readNow, 0);
        BlobCacheTrimmer trimmer = kit.trimmer(0);
        trimmer.dropUnreferenced([&] { return Result<QSet<QByteArray>>(QSet<QByteArray>{referenced}); });
        const Result<BlobCacheTrimmer::Outcome> outcome = trimmer.trim();
        QVERIFY(outcome);
        QCOMPARE(kit.held({referenced, dropped, readNow, unpublished}), (QList<bool>{true, false, true, true}));
        QCOMPARE(outcome->evictedBlobs, 1);
        QCOMPARE(outcome->heldBlobs, 3);

        BlobCacheTrimmer capped = kit.trimmer(1500);
        capped.dropUnreferenced([&] { return Result<QSet<QByteArray>>(QSet<QByteArray>{referenced, readNow}); });
        QVERIFY(capped.trim());
        // 3,000 held is over 1,500: the least recently read published one went.
        QCOMPARE(kit.held({referenced, readNow, unpublished}), (QList<bool>{false, true, true}));
    }

    // A keeper with roundEvery runs rounds on its own, without a cap.
    void keeperRoundsOnItsOwn()
    {
        CacheKit kit;
        const QByteArray blob = kit.add(1, 1000, 9 * Hour);
        kit.publish({blob});
        BlobCacheTrimmer trimmer = kit.trimmer(0);
        trimmer.dropUnreferenced([] { return Result<QSet<QByteArray>>(QSet<QByteArray>()); });
        BlobCacheKeeper keeper(trimmer, [&] { kit.database.provider().releaseCurrent(); }, std::chrono::seconds(10),
                               std::chrono::milliseconds(20));
        QTRY_VERIFY_WITH_TIMEOUT(!kit.store.contains(blob), 10000);
    }
};

QTEST_GUILESS_MAIN(TestBlobCache)
#include "tst_blobcache.moc"
