// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/sharedblobs.h"
#include "tests/support/deployfixture.h"
#include "tests/support/memorybucket.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QtTest>

#include <mutex>

using namespace ddd::core;
using ddd::test::DeployFixture;
using ddd::test::MemoryBucket;

namespace {

const DeployFixture::Files Site = {{"index.html", "home"}, {"copy.html", "home"}, {"app.js", "js"}, {"a.css", "css"}};

} // namespace

// Deploys publish through BlobPublisher (DeploymentService::publishBlobsTo):
// every distinct blob once, before the version row; a refusal records
// nothing, and a retry sends only what did not go up.
class TestBlobPublisher final : public QObject
{
    Q_OBJECT

    static void share(DeployFixture &f, MemoryBucket &bucket, std::unique_ptr<blobs::SharedBlobs> &shared)
    {
        shared = std::make_unique<blobs::SharedBlobs>(f.store(), bucket);
        f.service().publishBlobsTo(*shared);
    }

    static Result<model::UploadPlan> startUpload(DeployFixture &f, const DeployFixture::Files &site)
    {
        QJsonArray files;
        for (const auto &[path, content] : site)
            files.append(QJsonObject{{u"path"_qs, QString::fromUtf8(path)},
                                     {u"sha256"_qs, QString::fromLatin1(f.sha256(content))},
                                     {u"size"_qs, content.size()}});
        return f.service().startUpload(f.alice, f.projectId, QJsonDocument(QJsonObject{{u"files"_qs, files}}).toJson());
    }

private slots:
    void eachDistinctBlobGoesUpOnce()
    {
        MemoryBucket bucket; // these outlive f, whose variant worker publishes through them
        std::unique_ptr<blobs::SharedBlobs> shared;
        DeployFixture f;
        share(f, bucket, shared);
        f.deployed(Site);
        QCOMPARE(bucket.uploads, 3); // "home" twice in the site, once in the bucket
        QCOMPARE(bucket.objects.value(blobs::SharedBlobs::keyFor(f.sha256("js"))), QByteArray("js"));
        f.deployed(Site);
        f.deployed({{"index.html", "home"}, {"new.js", "new"}});
        QCOMPARE(bucket.uploads, 4); // only "new"
    }

    void unreachableBucketRecordsNothingAndARetrySendsTheRest()
    {
        MemoryBucket bucket; // these outlive f, whose variant worker publishes through them
        std::unique_ptr<blobs::SharedBlobs> shared;
        DeployFixture f;
        share(f, bucket, shared);
        bucket.uploadsBeforeOutage = 1;
        const auto refused = f.deploy(Site);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, u"objects.unavailable"_qs);
        QCOMPARE(f.count(u"SELECT count(*) FROM versions"_qs), 0);
        QVERIFY(!f.servedVersion(f.projectId));
        QCOMPARE(f.stagingEntries(), QStringList{u"partial"_qs}); // nothing but the resumable-upload folder

        bucket.uploadsBeforeOutage = -1;
        f.deployed(Site);
        QCOMPARE(bucket.uploads, 3); // one before the outage, the other two now
        QCOMPARE(bucket.objects.size(), 3);
    }

    // Uploads run in parallel: an outage part-way records exactly what went
    // up, and the retry sends exactly the rest.
    void outagePartWayThroughManyBlobs()
    {
        MemoryBucket bucket; // these outlive f, whose variant worker publishes through them
        std::unique_ptr<blobs::SharedBlobs> shared;
        DeployFixture f;
        share(f, bucket, shared);
        DeployFixture::Files site;
        for (int i = 0; i < 40; ++i)
            site.append({"page" + QByteArray::number(i) + ".html", "content " + QByteArray::number(i)});
        bucket.uploadsBeforeOutage = 15;
        QCOMPARE(f.deploy(site).error().code, u"objects.unavailable"_qs);
        QCOMPARE(bucket.objects.size(), 15);
        QCOMPARE(f.count(u"SELECT count(*) FROM published_blobs"_qs), 15);
        QCOMPARE(f.count(u"SELECT count(*) FROM versions"_qs), 0);

        bucket.uploadsBeforeOutage = -1;
        f.deployed(site);
        QCOMPARE(bucket.uploads, 40);
        QCOMPARE(bucket.objects.size(), 40);
        QCOMPARE(f.count(u"SELECT count(*) FROM published_blobs"_qs), 40);
    }

    // After a restart, a blob gone from this machine but held by the bucket
    // does not fail its version: serving fetches it. One the bucket never
    // got still does.
    void reconcileCountsPublishedBlobsAsHeld()
    {
        MemoryBucket bucket; // these outlive f, whose variant worker publishes through them
        std::unique_ptr<blobs::SharedBlobs> shared;
        DeployFixture f;
        share(f, bucket, shared);
        const model::Version live = f.deployed(Site);
        QVERIFY(QFile::remove(f.store().pathFor(f.sha256("js"))));
        f.restart();
        share(f, bucket, shared);
        QVERIFY(f.service().reconcile().ok());
        QCOMPARE(f.servedVersion(f.projectId), std::optional<qint64>(live.id));

        f.restart(); // not shared any more: the blob is missing
        QVERIFY(f.service().reconcile().ok());
        QVERIFY(!f.servedVersion(f.projectId));
    }

    // Start-up repair keeps the variants of a blob evicted here but held by
    // the bucket (variants are local-only); without the bucket they go.
    void variantsOfAnEvictedBlobSurviveRepair()
    {
        MemoryBucket bucket; // these outlive f, whose variant worker publishes through them
        std::unique_ptr<blobs::SharedBlobs> shared;
        DeployFixture f;
        share(f, bucket, shared);
        const QByteArray page = QByteArray("<p>compressible</p>").repeated(200);
        f.deployed({{"index.html", page}});
        f.service().waitForVariants();
        const QString variant = f.store().variantPath(f.sha256(page), blobs::ContentCoding::Gzip);
        QVERIFY(QFile::exists(variant));
        QVERIFY(QFile::remove(f.store().pathFor(f.sha256(page))));

        f.restart();
        share(f, bucket, shared);
        QVERIFY(f.service().reconcile().ok());
        QVERIFY(QFile::exists(variant));
        QCOMPARE(f.count(u"SELECT count(*) FROM blob_variants WHERE size IS NOT NULL"_qs), 2);

        f.restart(); // no bucket: a variant beside no blob is dropped
        QVERIFY(f.service().reconcile().ok());
        QVERIFY(!QFile::exists(variant));
    }

    // A retired version's blob that was evicted here takes its variants
    // with it when it is collected.
    void collectingAnEvictedBlobRemovesItsVariants()
    {
        deploy::DeployOptions options;
        options.retainVersions = 1;
        MemoryBucket bucket; // these outlive f, whose variant worker publishes through them
        std::unique_ptr<blobs::SharedBlobs> shared;
        DeployFixture f(options);
        share(f, bucket, shared);
        const QByteArray page = QByteArray("<p>retired soon</p>").repeated(200);
        f.deployed({{"index.html", page}});
        f.service().waitForVariants();
        const QString variant = f.store().variantPath(f.sha256(page), blobs::ContentCoding::Gzip);
        QVERIFY(QFile::exists(variant));
        QVERIFY(QFile::remove(f.store().pathFor(f.sha256(page))));

        f.deployed({{"index.html", "second"}});
        f.deployed({{"index.html", "third"}}); // the first version is retired
        QVERIFY(!QFile::exists(variant));
        QCOMPARE(f.count(u"SELECT count(*) FROM blob_variants WHERE sha256 = '%1'"_qs.arg(
                     QString::fromLatin1(f.sha256(page)))),
                 0);
    }

    // An incremental deploy does not ask for a blob the bucket holds, even
    // when this machine lacks it (received by another agent, or evicted from
    // a size-capped cache); one the bucket lacks is asked for.
    void incrementalPlanCountsPublishedBlobsAsHeld()
    {
        MemoryBucket bucket; // these outlive f, whose variant worker publishes through them
        std::unique_ptr<blobs::SharedBlobs> shared;
        DeployFixture f;
        share(f, bucket, shared);
        f.deployed(Site);
        QVERIFY(QFile::remove(f.store().pathFor(f.sha256("js"))));
        const auto plan = startUpload(f, {{"app.js", "js"}, {"new.css", "new"}});
        QVERIFY(plan);
        QCOMPARE(plan->missing, QStringList{QString::fromLatin1(f.sha256("new"))});
        QCOMPARE(f.service().finalizeUpload(f.alice, plan->uploadId, false).error().code, u"upload.incomplete"_qs);

        auto upload = f.service().openBlobUpload(f.alice, plan->uploadId, QString::fromLatin1(f.sha256("new")), 0);
        QVERIFY(upload);
        QVERIFY((*upload)->write(QByteArrayView("new")).ok());
        QVERIFY((*upload)->finish().ok());
        QVERIFY((*upload)->complete());
        QVERIFY(f.service().finalizeUpload(f.alice, plan->uploadId, false));
    }

    // Each blob goes up as its PUT completes, so another agent (here: this
    // one without its local copy) sees it complete and may finish the session.
    void uploadedBlobsArePublishedBeforeThePutAnswers()
    {
        MemoryBucket bucket; // these outlive f, whose variant worker publishes through them
        std::unique_ptr<blobs::SharedBlobs> shared;
        DeployFixture f;
        share(f, bucket, shared);
        f.store().setCacheHooks({[&shared](const QByteArray &sha256) { return shared->ensureLocal(sha256); }, {}});
        const QString sha = QString::fromLatin1(f.sha256("fresh"));
        const auto plan = startUpload(f, {{"index.html", "fresh"}, {"_redirects", "/a /b 301\n"}});
        QVERIFY(plan);
        for (const QString &missing : plan->missing) {
            const QByteArray content = missing == sha ? QByteArray("fresh") : QByteArray("/a /b 301\n");
            auto upload = f.service().openBlobUpload(f.alice, plan->uploadId, missing, 0);
            QVERIFY(upload);
            QVERIFY((*upload)->write(QByteArrayView(content)).ok());
            QVERIFY((*upload)->finish().ok());
        }
        QVERIFY(bucket.holds(blobs::SharedBlobs::keyFor(f.sha256("fresh"))));
        QVERIFY(bucket.holds(blobs::SharedBlobs::keyFor(f.sha256("/a /b 301\n"))));

        for (const QByteArray &content : {QByteArray("fresh"), QByteArray("/a /b 301\n")})
            QVERIFY(QFile::remove(f.store().pathFor(f.sha256(content))));
        const auto progress = f.service().blobStatus(f.alice, plan->uploadId, sha);
        QVERIFY(progress && progress->complete);
        auto again = f.service().openBlobUpload(f.alice, plan->uploadId, sha, 0);
        QCOMPARE(again.error().code, u"upload.offset_mismatch"_qs);
        QVERIFY(f.service().openBlobUpload(f.alice, plan->uploadId, sha, 5));
        const int uploads = bucket.uploads;
        const auto version = f.service().finalizeUpload(f.alice, plan->uploadId, false); // reads _redirects from the bucket
        QVERIFY2(version, version ? "" : qPrintable(version.error().code + u' ' + version.error().message));
        QCOMPARE(bucket.uploads, uploads);
        f.service().waitForVariants(); // they fetch through `shared`, which goes first

    }

    // The bucket is down when the PUT completes: the client hears 503
    // objects.unavailable, the blob stays here, and the next PUT sends it.
    void aPutWhoseBlobCannotBePublishedIsRetried()
    {
        MemoryBucket bucket; // these outlive f, whose variant worker publishes through them
        std::unique_ptr<blobs::SharedBlobs> shared;
        DeployFixture f;
        share(f, bucket, shared);
        const QString sha = QString::fromLatin1(f.sha256("fresh"));
        const auto plan = startUpload(f, {{"index.html", "fresh"}});
        QVERIFY(plan);
        bucket.uploadsBeforeOutage = 0;
        auto upload = f.service().openBlobUpload(f.alice, plan->uploadId, sha, 0);
        QVERIFY(upload);
        QVERIFY((*upload)->write(QByteArrayView("fresh")).ok());
        QCOMPARE((*upload)->finish().error().code, u"objects.unavailable"_qs);
        upload->reset();
        QVERIFY(f.store().contains(f.sha256("fresh")));
        QVERIFY(!bucket.holds(blobs::SharedBlobs::keyFor(f.sha256("fresh"))));

        bucket.uploadsBeforeOutage = -1;
        auto retry = f.service().openBlobUpload(f.alice, plan->uploadId, sha, 5);
        QVERIFY(retry);
        QVERIFY((*retry)->finish().ok());
        QVERIFY(bucket.holds(blobs::SharedBlobs::keyFor(f.sha256("fresh"))));
    }

    // What is recorded is per bucket: another one starts from nothing.
    void anotherBucketGetsEverything()
    {
        MemoryBucket first, second; // these outlive f, whose variant worker publishes through them
        second.name = u"memory://another"_qs;
        std::unique_ptr<blobs::SharedBlobs> shared;
        DeployFixture f;
        share(f, first, shared);
        f.deployed(Site);
        f.restart();
        share(f, second, shared);
        f.deployed(Site);
        QCOMPARE(first.uploads, 3);
        QCOMPARE(second.uploads, 3);
    }
};

QTEST_GUILESS_MAIN(TestBlobPublisher)
#include "tst_blobpublisher.moc"
