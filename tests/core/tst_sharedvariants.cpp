// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Precompressed variants shared through the bucket (schema step 23): each
// kept variant is published under its own hash before it is recorded,
// another agent fetches it and checks every byte (SharedVariants), start-up
// repair keeps the rows of published variants this disk lacks, and they go
// from the bucket with their blob.
#include "core/blobs/blobstore.h"
#include "core/blobs/sha256.h"
#include "core/blobs/sharedblobs.h"
#include "core/deploy/bucketcollector.h"
#include "core/deploy/sharedvariants.h"
#include "core/storage/blobvariantstore.h"
#include "core/storage/publishedblobstore.h"
#include "core/storage/statement.h"
#include "core/storage/uploadsessionstore.h"
#include "core/storage/versionstore.h"
#include "tests/support/deployfixture.h"
#include "tests/support/memorybucket.h"
#include "tests/support/tempdataroot.h"

#include <QtTest>

using namespace ddd::core;
using blobs::ContentCoding;
using ddd::test::DeployFixture;
using ddd::test::MemoryBucket;

namespace {

// Compressible, and large enough for both variants to be kept.
QByteArray page(const QByteArray &word)
{
    QByteArray body = "<!doctype html><title>" + word + "</title>";
    for (int i = 0; i < 400; ++i)
        body += "<p>" + word + " paragraph " + QByteArray::number(i % 7) + "</p>\n";
    return body;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A writer publishing to a bucket in memory.
struct SharedFixture
{
    DeployFixture f;
    MemoryBucket bucket;
    blobs::SharedBlobs shared{f.store(), bucket};
    storage::BlobVariantStore variants{f.provider()};
    storage::PublishedBlobStore published{f.provider()};

    SharedFixture() { f.service().publishBlobsTo(shared); }
    // The variant worker publishes through `shared` into `bucket`, which go
    // before `f` (and its worker): let it finish first.
    ~SharedFixture() { f.service().waitForVariants(); }

    QByteArray publishedHash(const QByteArray &content, ContentCoding coding)
    {
        return variants.publishedHash(f.sha256(content), coding).value().value_or(QByteArray());
    }
    void deployAndCompress(const QByteArray &content)
    {
        f.deployed({{"index.html", content}});
        f.service().waitForVariants();
    }
    // As if this writer had never recorded publishing `sha256`.
    bool forgetPublished(const QByteArray &sha256)
    {
        return f.db().prepare(u"DELETE FROM published_blobs WHERE sha256 = ?1"_qs)
            ->bind(1, QString::fromLatin1(sha256))
            .run()
            .ok();
    }
};

// Another agent: its own disk, the same database and bucket.
struct OtherAgent
{
    ddd::test::TempDataRoot root;
    blobs::BlobStore store{root.path()};
    blobs::SharedBlobs shared;
    deploy::SharedVariants variants;

    explicit OtherAgent(SharedFixture &s) : shared(store, s.bucket), variants(s.variants, shared)
    {
        if (!store.initialise())
            qFatal("cannot initialise the other agent's store");
    }
};

} // namespace

class TestSharedVariants final : public QObject
{
    Q_OBJECT

private slots:
    void keptVariantsArePublishedUnderTheirOwnHash()
    {
        SharedFixture s;
        const QByteArray content = page("published");
        s.deployAndCompress(content);
        for (ContentCoding coding : blobs::BlobVariant::codings()) {
            const QByteArray hash = s.publishedHash(content, coding);
            const QByteArray made = readFile(s.f.store().variantPath(s.f.sha256(content), coding));
            QVERIFY(!made.isEmpty());
            QCOMPARE(hash, blobs::Sha256::hexOf(made));
            QCOMPARE(s.bucket.objects.value(blobs::SharedBlobs::keyFor(hash)), made);
            QCOMPARE(s.published.published(s.bucket.name, {hash}).value(), QSet<QByteArray>{hash});
        }
    }

    void anotherAgentFetchesAndChecksThem()
    {
        SharedFixture s;
        const QByteArray content = page("fetched");
        s.deployAndCompress(content);
        OtherAgent other(s);
        const QByteArray sha256 = s.f.sha256(content);
        QVERIFY(other.variants.ensureLocal(sha256, ContentCoding::Brotli));
        QCOMPARE(readFile(other.store.variantPath(sha256, ContentCoding::Brotli)),
                 readFile(s.f.store().variantPath(sha256, ContentCoding::Brotli)));
        QVERIFY(!other.store.contains(sha256)); // the variant is all a compressed answer needs

        // Other bytes under the variant's name are refused and never land.
        const QByteArray gzipKey = blobs::SharedBlobs::keyFor(s.publishedHash(content, ContentCoding::Gzip));
        s.bucket.objects[gzipKey] = "not the variant";
        const Status corrupt = other.variants.ensureLocal(sha256, ContentCoding::Gzip);
        QVERIFY(!corrupt);
        QCOMPARE(corrupt.error().code, u"storage.blob_corrupt"_qs);
        QVERIFY(!QFileInfo::exists(other.store.variantPath(sha256, ContentCoding::Gzip)));

        // A variant only its maker holds (recorded before step 23) cannot be fetched.
        const QByteArray local = s.f.sha256("made before the bucket");
        QVERIFY(s.variants.record({{local, ContentCoding::Brotli, 10, {}}})->isEmpty());
        QCOMPARE(other.variants.ensureLocal(local, ContentCoding::Brotli).error().code, u"blob.not_found"_qs);
    }

    // Two agents compress the same blob at once: the first decision stays,
    // and the second is answered as lost (its maker drops its file).
    void theFirstDecisionStays()
    {
        SharedFixture s;
        const QByteArray sha256 = s.f.sha256("raced");
        const QByteArray first(64, 'a'), second(64, 'b');
        QVERIFY(s.variants.record({{sha256, ContentCoding::Brotli, 100, first}})->isEmpty());
        const auto lost = s.variants.record({{sha256, ContentCoding::Brotli, 90, second},
                                             {sha256, ContentCoding::Gzip, std::nullopt, {}}});
        QVERIFY(lost);
        QCOMPARE(lost->size(), 1);
        QCOMPARE(lost->first().variantSha256, second);
        QCOMPARE(s.variants.publishedHash(sha256, ContentCoding::Brotli).value(), std::optional<QByteArray>(first));
        QCOMPARE(s.variants.decided(sha256).value(), (QSet<ContentCoding>{ContentCoding::Brotli, ContentCoding::Gzip}));
    }

    // The bucket refuses the variant: it is not kept now (the version is
    // live all the same), and the blob stays undecided for a later try.
    void unreachableBucketKeepsNoVariant()
    {
        SharedFixture s;
        const QByteArray content = page("unreachable");
        s.bucket.uploadsBeforeOutage = 1; // the blob goes up, its variants do not
        s.deployAndCompress(content);
        QCOMPARE(s.f.served(s.f.projectId, u"index.html"_qs), std::optional<QByteArray>(content));
        QVERIFY(s.variants.decided(s.f.sha256(content)).value().isEmpty());
        QVERIFY(!QFileInfo::exists(s.f.store().variantPath(s.f.sha256(content), ContentCoding::Brotli)));
        QCOMPARE(s.bucket.objects.size(), 1);
    }

    // Repair keeps a published variant this disk lost (it is fetched when
    // asked for) and drops one the bucket does not hold either.
    void repairKeepsPublishedVariantsThisDiskLacks()
    {
        SharedFixture s;
        const QByteArray content = page("repaired");
        s.deployAndCompress(content);
        const QByteArray sha256 = s.f.sha256(content);
        const QByteArray gzipHash = s.publishedHash(content, ContentCoding::Gzip);
        for (ContentCoding coding : blobs::BlobVariant::codings())
            QVERIFY(QFile::remove(s.f.store().variantPath(sha256, coding)));
        QVERIFY(s.forgetPublished(gzipHash));
        const QByteArray brotliHash = s.publishedHash(content, ContentCoding::Brotli);
        QVERIFY(!brotliHash.isEmpty());
        QVERIFY(s.f.service().reconcile());
        // The repair queues the blob again for the gzip it lost; wait for the
        // worker rather than read its decisions while it runs.
        s.f.service().waitForVariants();
        QCOMPARE(s.publishedHash(content, ContentCoding::Brotli), brotliHash);
        QCOMPARE(s.variants.decided(sha256).value(),
                 (QSet<ContentCoding>{ContentCoding::Brotli, ContentCoding::Gzip}));
        QVERIFY(QFile::exists(s.f.store().variantPath(sha256, ContentCoding::Gzip)));
    }

    // A variant made before it could be published (an older release, or
    // before the bucket) is published at the next start-up repair.
    void repairPublishesVariantsKeptHereOnly()
    {
        SharedFixture s;
        const QByteArray content = page("older");
        s.deployAndCompress(content);
        const QByteArray sha256 = s.f.sha256(content);
        const QByteArray hash = s.publishedHash(content, ContentCoding::Brotli);
        QVERIFY(s.f.db().prepare(u"UPDATE blob_variants SET variant_sha256 = NULL"_qs)->run());
        s.bucket.objects.remove(blobs::SharedBlobs::keyFor(hash));
        QVERIFY(s.forgetPublished(hash));
        QVERIFY(s.f.service().reconcile());
        QCOMPARE(s.publishedHash(content, ContentCoding::Brotli), hash);
        QCOMPARE(s.bucket.objects.value(blobs::SharedBlobs::keyFor(hash)),
                 readFile(s.f.store().variantPath(sha256, ContentCoding::Brotli)));
        QVERIFY(!s.publishedHash(content, ContentCoding::Gzip).isEmpty());
    }

    // A variant's object is referenced while its blob is; once the blob is
    // collected, the bucket's round takes the variants too.
    void variantsLeaveTheBucketWithTheirBlob()
    {
        SharedFixture s;
        storage::VersionStore versions(s.f.provider());
        storage::UploadSessionStore sessions(s.f.provider());
        deploy::BucketCollector collector(s.shared, s.published, versions, sessions, s.f.dataRoot(), s.f.clock(),
                                          deploy::BucketCollector::DefaultGraceMs);
        const QByteArray old = page("old");
        const model::Version first = s.f.deployed({{"index.html", old}});
        s.f.service().waitForVariants();
        const QByteArray brotli = s.publishedHash(old, ContentCoding::Brotli);
        QVERIFY(versions.referencedHashes()->contains(brotli));
        s.f.clock().advanceMs(deploy::BucketCollector::DefaultGraceMs + 1);
        QCOMPARE(collector.collectAll()->removed, 0);

        s.deployAndCompress(page("new"));
        QVERIFY(s.f.service().remove(s.f.alice, first.id));
        QVERIFY(!versions.referencedHashes()->contains(brotli));
        s.f.clock().advanceMs(deploy::BucketCollector::DefaultGraceMs + 1);
        QVERIFY(collector.collectAll()->removed >= 3); // the blob and both variants
        QVERIFY(!s.bucket.holds(blobs::SharedBlobs::keyFor(brotli)));
        QVERIFY(!s.bucket.holds(blobs::SharedBlobs::keyFor(s.f.sha256(old))));
    }
};

QTEST_GUILESS_MAIN(TestSharedVariants)
#include "tst_sharedvariants.moc"
