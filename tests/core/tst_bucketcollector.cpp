// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/sharedblobs.h"
#include "core/blobs/sweeplock.h"
#include "core/deploy/bucketcollector.h"
#include "core/deploy/bucketsweeper.h"
#include "core/storage/publishedblobstore.h"
#include "core/storage/uploadsessionstore.h"
#include "core/storage/versionstore.h"
#include "tests/support/deployfixture.h"
#include "tests/support/memorybucket.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace ddd::core;
using deploy::BucketCollector;
using ddd::test::DeployFixture;
using ddd::test::MemoryBucket;

namespace {

constexpr qint64 Grace = BucketCollector::DefaultGraceMs;

// A deploy fixture publishing to a bucket in memory, with the writer's
// garbage collection in that bucket.
struct SharedFixture
{
    DeployFixture f;
    MemoryBucket bucket;
    blobs::SharedBlobs shared{f.store(), bucket};
    storage::PublishedBlobStore published{f.provider()};
    storage::VersionStore versions{f.provider()};
    storage::UploadSessionStore sessions{f.provider()};
    BucketCollector collector{shared, published, versions, sessions, f.dataRoot(), f.clock(), Grace};

    SharedFixture() { f.service().publishBlobsTo(shared); }
    // The variant worker publishes through `shared` into `bucket`, which go
    // before `f` (and its worker): let it finish first.
    ~SharedFixture() { f.service().waitForVariants(); }

    bool holds(const QByteArray &content) { return bucket.holds(blobs::SharedBlobs::keyFor(f.sha256(content))); }
    bool recorded(const QByteArray &content)
    {
        auto found = published.published(bucket.name, {f.sha256(content)});
        return found && found->contains(f.sha256(content));
    }
    // "one" deployed, then replaced by "two" and deleted: unreferenced.
    void leaveOneUnreferenced()
    {
        const model::Version one = f.deployed({{"index.html", "one"}, {"both.css", "both"}});
        f.deployed({{"index.html", "two"}, {"both.css", "both"}});
        QVERIFY(f.service().remove(f.alice, one.id));
    }
    int collectAll()
    {
        Result<BucketCollector::Outcome> outcome = collector.collectAll();
        if (!outcome)
            qFatal("collection failed: %s", qPrintable(outcome.error().code));
        return outcome->removed;
    }
};

QByteArray manifestOf(const DeployFixture &f, const DeployFixture::Files &files)
{
    QJsonArray entries;
    for (const auto &[path, content] : files)
        entries.append(QJsonObject{{u"path"_qs, QString::fromUtf8(path)},
                                   {u"sha256"_qs, QString::fromLatin1(f.sha256(content))},
                                   {u"size"_qs, content.size()}});
    return QJsonDocument(QJsonObject{{u"files"_qs, entries}}).toJson();
}

} // namespace

// Garbage collection in a shared bucket (BucketCollector, BucketSweeper):
// only what nothing references and nobody claimed within the grace period
// goes, a claim never lands on a blob being withdrawn, and a failure keeps
// the record so the next round tries again.
class TestBucketCollector final : public QObject
{
    Q_OBJECT

private slots:
    void unreferencedBlobsGoOnceTheGraceIsOver()
    {
        SharedFixture s;
        s.leaveOneUnreferenced();
        QCOMPARE(s.collectAll(), 0); // claimed by its deploy a moment ago
        QVERIFY(s.holds("one"));

        s.f.clock().advanceMs(Grace + 1);
        QCOMPARE(s.collectAll(), 1);
        QVERIFY(!s.holds("one"));
        QVERIFY(!s.recorded("one"));
        QVERIFY(s.holds("two"));
        QVERIFY(s.holds("both"));
        QCOMPARE(s.collectAll(), 0);

        s.f.deployed({{"index.html", "one"}}); // recorded as gone: sent again
        QVERIFY(s.holds("one"));
    }

    // An object an agent put into the bucket and died before recording is
    // adopted (recorded, claimed now) and goes a grace period later; one a
    // version references stays, and keys that do not name a blob are left.
    void unrecordedObjectsAreAdoptedThenCollected()
    {
        SharedFixture s;
        const model::Version live = s.f.deployed({{"index.html", "kept"}});
        QVERIFY(live.id);
        const QByteArray kept = s.f.sha256("kept");
        const QByteArray stray = s.f.sha256("stray");
        QVERIFY(s.f.db().exec(u"DELETE FROM published_blobs"_qs).ok()); // as if never recorded
        s.bucket.objects[blobs::SharedBlobs::keyFor(stray)] = "stray";
        s.bucket.objects["blobs/ab/not-a-blob"] = "x";
        s.bucket.objects["elsewhere/" + stray] = "stray";
        QCOMPARE(s.collector.adoptUnrecorded().value(), 2);
        QVERIFY(s.recorded("stray") && s.recorded("kept"));
        QCOMPARE(s.collector.adoptUnrecorded().value(), 0);

        QCOMPARE(s.collectAll(), 0); // adopted a moment ago
        QVERIFY(s.bucket.holds(blobs::SharedBlobs::keyFor(stray)));
        s.f.clock().advanceMs(Grace + 1);
        QCOMPARE(s.collectAll(), 1);
        QVERIFY(!s.bucket.holds(blobs::SharedBlobs::keyFor(stray)));
        QVERIFY(s.bucket.holds(blobs::SharedBlobs::keyFor(kept)));
        QVERIFY(s.bucket.holds("blobs/ab/not-a-blob"));
        QVERIFY(s.bucket.holds("elsewhere/" + stray));
    }

    // The bucket cannot be listed: adoption fails and adopts nothing, while a
    // full round a local collection asks for (no listing) still collects;
    // the sweeper's hourly round, which lists, fails and is tried again.
    void anUnlistableBucketAdoptsNothing()
    {
        SharedFixture s;
        s.leaveOneUnreferenced();
        s.f.clock().advanceMs(Grace + 1);
        s.bucket.listingsFail = true;
        QCOMPARE(s.collector.adoptUnrecorded().error().code, u"objects.unavailable"_qs);
        QCOMPARE(s.collectAll(), 1);

        const QByteArray stray = s.f.sha256("stray");
        s.bucket.objects[blobs::SharedBlobs::keyFor(stray)] = "stray";
        deploy::BucketSweeper sweeper(s.collector, [&] { s.f.provider().releaseCurrent(); },
                                      {std::chrono::hours(1), std::chrono::milliseconds(50)});
        sweeper.start();
        sweeper.sweepAllNow();
        auto strayRecorded = [&] {
            auto found = s.published.published(s.bucket.name, {stray});
            return found && found->contains(stray);
        };
        QVERIFY(!strayRecorded());
        s.bucket.listingsFail = false;
        QTRY_VERIFY(strayRecorded());
        sweeper.stop();
    }

    // A deploy that counts on a blob the bucket holds claims it, which
    // keeps it for another grace period even while nothing references it.
    void aClaimKeepsAnUnreferencedBlob()
    {
        SharedFixture s;
        s.leaveOneUnreferenced();
        s.f.clock().advanceMs(Grace + 1);
        auto claimed = s.published.claim(s.bucket.name, {s.f.sha256("one")}, s.f.clock().nowMs());
        QVERIFY(claimed && claimed->contains(s.f.sha256("one")));
        QCOMPARE(s.collectAll(), 0);
        QVERIFY(s.holds("one"));
        s.f.clock().advanceMs(Grace + 1);
        QCOMPARE(s.collectAll(), 1);
    }

    // An incremental upload that does not ask for a blob because the bucket
    // holds it keeps it there until the session ends, however long it takes.
    void uploadSessionsKeepTheirBlobs()
    {
        SharedFixture s;
        s.leaveOneUnreferenced();
        QVERIFY(!QFile::exists(s.f.store().pathFor(s.f.sha256("one")))); // collected here
        s.f.clock().advanceMs(Grace + 1);
        const auto plan = s.f.service().startUpload(s.f.alice, s.f.projectId, manifestOf(s.f, {{"index.html", "one"}}));
        QVERIFY(plan);
        QVERIFY(plan->missing.isEmpty());
        s.f.clock().advanceMs(Grace + 1); // the claim is old by now, the session is not
        QCOMPARE(s.collectAll(), 0);
        QVERIFY(s.holds("one"));
        QVERIFY(s.f.service().finalizeUpload(s.f.alice, plan->uploadId, false));
        s.f.clock().advanceMs(Grace + 1);
        QCOMPARE(s.collectAll(), 0); // a version references it now
    }

    void aFailedRemovalKeepsTheRecord()
    {
        SharedFixture s;
        s.leaveOneUnreferenced();
        s.f.clock().advanceMs(Grace + 1);
        s.bucket.removalsFail = true;
        const Result<BucketCollector::Outcome> failed = s.collector.collectAll();
        QVERIFY(!failed);
        QCOMPARE(failed.error().code, u"objects.unavailable"_qs);
        QVERIFY(s.recorded("one"));
        QVERIFY(s.holds("one"));
        s.bucket.removalsFail = false;
        QCOMPARE(s.collectAll(), 1);
        QVERIFY(!s.holds("one"));
    }

    // `ddd-agent backup` may read evicted blobs from the bucket: nothing is
    // deleted while it holds the SweepLock.
    void aBackupDefersIt()
    {
        SharedFixture s;
        s.leaveOneUnreferenced();
        s.f.clock().advanceMs(Grace + 1);
        {
            Result<blobs::SweepLock> reading = blobs::SweepLock::read(s.f.dataRoot());
            QVERIFY(reading && reading->held());
            const Result<BucketCollector::Outcome> deferred = s.collector.collectAll();
            QVERIFY(deferred);
            QVERIFY(deferred->deferred);
            QCOMPARE(deferred->removed, 0);
            QVERIFY(s.holds("one"));
        }
        QCOMPARE(s.collectAll(), 1);
    }

    // A claim arriving while a blob is withdrawn waits for the withdrawal to
    // commit and then finds no record (its deploy uploads the blob again):
    // it never counts on an object being deleted.
    void aClaimWaitsForAWithdrawal()
    {
        SharedFixture s;
        s.leaveOneUnreferenced();
        s.f.clock().advanceMs(Grace + 1);
        const QByteArray sha256 = s.f.sha256("one");
        std::atomic<bool> claimDone = false;
        std::atomic<bool> claimDoneBeforeCommit = false;
        Result<QSet<QByteArray>> claimed = QSet<QByteArray>();
        std::thread claimer;
        const Result<bool> withdrawn =
            s.published.withdraw(s.bucket.name, sha256, s.f.clock().nowMs() - Grace, [&]() -> Status {
                claimer = std::thread([&] {
                    claimed = s.published.claim(s.bucket.name, {sha256}, s.f.clock().nowMs());
                    claimDone = true;
                    s.f.provider().releaseCurrent();
                });
                std::this_thread::sleep_for(std::chrono::milliseconds(300));
                claimDoneBeforeCommit = claimDone.load();
                return s.shared.remove(sha256);
            });
        claimer.join();
        QVERIFY(withdrawn && *withdrawn);
        QVERIFY(!claimDoneBeforeCommit);
        QVERIFY2(claimed, qPrintable(claimed ? QString() : claimed.error().message));
        QVERIFY(claimed->isEmpty());
        QVERIFY(!s.holds("one"));
    }

    // The sweeper takes what garbage collection gives up, on its own
    // thread; a round the bucket failed is tried again later.
    void theSweeperTriesAgainAfterAFailure()
    {
        SharedFixture s;
        deploy::BucketSweeper sweeper(s.collector, [&] { s.f.provider().releaseCurrent(); },
                                      {std::chrono::hours(1), std::chrono::milliseconds(50)});
        s.f.service().collectBucketThrough(sweeper);
        sweeper.start();
        const model::Version one = s.f.deployed({{"index.html", "one"}});
        s.f.deployed({{"index.html", "two"}});
        s.f.clock().advanceMs(Grace + 1);
        s.bucket.removalsFail = true;
        QVERIFY(s.f.service().remove(s.f.alice, one.id)); // offers "one"
        sweeper.waitUntilIdle();
        QVERIFY(s.holds("one"));
        s.bucket.removalsFail = false;
        QTRY_VERIFY(!s.holds("one"));
        QVERIFY(s.holds("two"));
        sweeper.stop();
    }
};

QTEST_GUILESS_MAIN(TestBucketCollector)
#include "tst_bucketcollector.moc"
