// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/sharedblobs.h"
#include "core/deploy/blobmigration.h"
#include "core/deploy/blobpublisher.h"
#include "core/storage/publishedblobstore.h"
#include "core/storage/versionstore.h"
#include "tests/support/deployfixture.h"
#include "tests/support/memorybucket.h"

#include <QtTest>

using namespace ddd::core;
using ddd::test::DeployFixture;
using ddd::test::MemoryBucket;

// BlobMigration (`ddd-agent migrate` with blobs.s3.*): what a single agent
// holds goes into the bucket, once, with progress; verify() finds a blob
// the bucket lacks or holds with another size. Against radosgw, with the
// command itself: tst_agentmigrate.
class TestBlobMigration final : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        DeployFixture f;
        MemoryBucket bucket;
        blobs::SharedBlobs shared{f.store(), bucket};
        storage::PublishedBlobStore published{f.provider()};
        deploy::BlobPublisher publisher{shared, published, f.clock()};
        storage::VersionStore versions{f.provider()};
        deploy::BlobMigration migration{versions, publisher, f.store(), bucket};
    };

private slots:
    void everyReferencedBlobGoesUpOnce()
    {
        Fixture s;
        s.f.deployed({{"index.html", "one"}, {"copy.html", "one"}, {"app.js", "js"}});
        s.f.deployed({{"index.html", "two"}});
        QList<deploy::BlobMigration::Progress> reports;
        auto done = s.migration.publish([&](const deploy::BlobMigration::Progress &p) { reports.append(p); });
        QVERIFY(done);
        QCOMPARE(done->total, 3);
        QCOMPARE(done->uploaded, 3);
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.first().done, 3);
        QCOMPARE(s.migration.verify().value(), 3);

        auto again = s.migration.publish({});
        QVERIFY(again);
        QCOMPARE(again->uploaded, 0); // recorded: nothing is sent twice
        QCOMPARE(s.bucket.uploads, 3);
    }

    void verifyFindsWhatTheBucketGotWrong()
    {
        Fixture s;
        s.f.deployed({{"index.html", "one"}, {"app.js", "js"}});
        QVERIFY(s.migration.publish({}));
        const QByteArray key = blobs::SharedBlobs::keyFor(s.f.sha256("js"));
        s.bucket.objects[key] = "javascript";
        const Result<qsizetype> wrongSize = s.migration.verify();
        QVERIFY(!wrongSize);
        QCOMPARE(wrongSize.error().code, u"migrate.blob_mismatch"_qs);
        QVERIFY(wrongSize.error().message.contains(u"holds 10 bytes"_qs));
        QVERIFY(wrongSize.error().message.contains(QString::fromLatin1(s.f.sha256("js"))));
        s.bucket.objects.remove(key);
        const Result<qsizetype> gone = s.migration.verify();
        QVERIFY(!gone);
        QVERIFY(gone.error().message.contains(u"holds nothing"_qs));
    }
};

QTEST_GUILESS_MAIN(TestBlobMigration)
#include "tst_blobmigration.moc"
