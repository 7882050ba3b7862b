// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/blobstore.h"
#include "core/deploy/archivepieces.h"
#include "core/deploy/archiveuploads.h"
#include "core/deploy/deploymentservice.h"
#include "tests/support/deployfixture.h"
#include "tests/support/memorybucket.h"
#include "tests/support/tempdataroot.h"

#include <QFile>
#include <QtTest>

using namespace ddd::core;
using ddd::test::DeployFixture;
using ddd::test::MemoryBucket;

namespace {

const QByteArray Archive = QByteArray("0123456789abcdefghij").repeated(50); // 1,000 bytes
const QByteArray PiecesFolder = "archive-uploads/";

// Two agents with the api role on one database and one bucket: the
// fixture's, and a second one with its own data root (its own disk).
struct TwoAgents
{
    TwoAgents()
    {
        QVERIFY(otherStore.initialise().ok());
        here().keepPiecesIn(bucket);
        there.keepPiecesIn(bucket);
    }
    deploy::ArchiveUploads &here() { return f.service().archiveUploads(); }

    DeployFixture f;
    MemoryBucket bucket;
    ddd::test::TempDataRoot otherRoot;
    blobs::BlobStore otherStore{otherRoot.path()};
    deploy::DeployOptions options;
    deploy::ArchiveUploads there{f.provider(), f.projects(), otherStore, f.clock(), options};
};

Result<model::ArchiveUploadStatus> sendPiece(deploy::ArchiveUploads &agent, const model::Identity &caller,
                                             const QString &id, qint64 offset, QByteArrayView bytes)
{
    auto upload = agent.openChunk(caller, id, offset);
    if (!upload)
        return upload.error();
    if (Status written = (*upload)->write(bytes); !written)
        return written.error();
    if (Status finished = (*upload)->finish(); !finished)
        return finished.error();
    return (*upload)->complete();
}

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

// Archive uploads in pieces with shared object storage (ArchivePieces):
// pieces are objects in the bucket, so each may reach another agent, and
// either puts the archive together.
class TestArchivePieces final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void piecesSentToTwoAgentsCompleteOnEither()
    {
        TwoAgents agents;
        DeployFixture &f = agents.f;
        auto created = agents.here().create(f.alice, f.projectId, Archive.size(), QString());
        QVERIFY(created);
        const QString id = created->id;
        QCOMPARE(sendPiece(agents.here(), f.alice, id, 0, QByteArrayView(Archive).first(400))->offset, 400);
        QCOMPARE(agents.there.status(f.alice, id)->offset, 400);
        QCOMPARE(sendPiece(agents.there, f.alice, id, 400, QByteArrayView(Archive).sliced(400))->offset, 1000);
        QCOMPARE(agents.bucket.keysUnder(PiecesFolder + id.toLatin1()).size(), 2);

        auto ready = agents.here().take(f.alice, id);
        QVERIFY(ready);
        QCOMPARE(contentOf(ready->path), Archive);
        QVERIFY(agents.here().finished(*ready).ok());
        QVERIFY(agents.bucket.keysUnder(PiecesFolder).isEmpty());
        QCOMPARE(agents.there.status(f.alice, id).error().code, u"upload.not_found"_qs);
    }

    // Each agent holds its own claim: two pieces at one offset race in the
    // database, and the second hears where the upload stands.
    void racingPiecesAtOneOffsetCountOnce()
    {
        TwoAgents agents;
        DeployFixture &f = agents.f;
        const QString id = agents.here().create(f.alice, f.projectId, Archive.size(), QString())->id;
        auto first = agents.here().openChunk(f.alice, id, 0);
        auto second = agents.there.openChunk(f.alice, id, 0);
        QVERIFY(first && second);
        QVERIFY((*first)->write(QByteArrayView(Archive).first(300)).ok());
        QVERIFY((*second)->write(QByteArrayView(Archive).first(500)).ok());
        QVERIFY((*first)->finish().ok());
        const Status lost = (*second)->finish();
        QCOMPARE(lost.error().code, u"upload.offset_mismatch"_qs);
        QCOMPARE(lost.error().details.value(u"offset"_qs).toInteger(), 300);
        QCOMPARE(agents.there.status(f.alice, id)->offset, 300);
    }

    // The bucket down: the piece is refused with objects.unavailable and
    // not counted; the retry, on either agent, continues.
    void aPieceTheBucketRefusesIsNotCounted()
    {
        TwoAgents agents;
        DeployFixture &f = agents.f;
        const QString id = agents.here().create(f.alice, f.projectId, Archive.size(), QString())->id;
        agents.bucket.uploadsBeforeOutage = 0;
        QCOMPARE(sendPiece(agents.here(), f.alice, id, 0, QByteArrayView(Archive)).error().code,
                 u"objects.unavailable"_qs);
        QCOMPARE(agents.here().status(f.alice, id)->offset, 0);
        QCOMPARE(agents.here().take(f.alice, id).error().code, u"upload.incomplete"_qs);
        agents.bucket.uploadsBeforeOutage = -1;
        QCOMPARE(sendPiece(agents.there, f.alice, id, 0, QByteArrayView(Archive))->offset, 1000);
        QVERIFY(agents.here().take(f.alice, id));
    }

    void aPieceChangedInTheBucketIsRefused()
    {
        TwoAgents agents;
        DeployFixture &f = agents.f;
        const QString id = agents.here().create(f.alice, f.projectId, Archive.size(), QString())->id;
        QVERIFY(sendPiece(agents.here(), f.alice, id, 0, QByteArrayView(Archive)));
        const QByteArray key = agents.bucket.keysUnder(PiecesFolder).value(0);
        agents.bucket.objects[key][0] = 'X';
        QCOMPARE(agents.there.take(f.alice, id).error().code, u"storage.blob_corrupt"_qs);
    }

    void tooManyBytesAreRefused()
    {
        TwoAgents agents;
        DeployFixture &f = agents.f;
        const QString id = agents.here().create(f.alice, f.projectId, 10, QString())->id;
        QCOMPARE(sendPiece(agents.here(), f.alice, id, 0, QByteArrayView(Archive)).error().code,
                 u"upload.too_large"_qs);
        QVERIFY(agents.bucket.keysUnder(PiecesFolder).isEmpty());
        QCOMPARE(agents.here().status(f.alice, id)->offset, 0);
    }

    // Objects of uploads that ended where the bucket could not be reached,
    // or expired, go with the next sweep; a live upload's stay.
    void sweepRemovesPiecesOfEndedUploads()
    {
        TwoAgents agents;
        DeployFixture &f = agents.f;
        const QString id = agents.here().create(f.alice, f.projectId, Archive.size(), QString())->id;
        QVERIFY(sendPiece(agents.here(), f.alice, id, 0, QByteArrayView(Archive).first(100)));
        agents.bucket.objects.insert(PiecesFolder + "0123456789abcdef0123456789abcdef/0000000000000000-ab", "left");
        QVERIFY(agents.there.sweep().ok());
        QCOMPARE(agents.bucket.keysUnder(PiecesFolder), agents.bucket.keysUnder(PiecesFolder + id.toLatin1()));
        QCOMPARE(agents.bucket.keysUnder(PiecesFolder).size(), 1);
    }

    // Which uploads exist is asked after the listing: an upload opened (and
    // given a piece) on another agent while the sweep lists is not taken
    // for an ended one.
    void sweepAsksForUploadsAfterListing()
    {
        DeployFixture f;
        MemoryBucket bucket;
        deploy::ArchivePieces pieces(bucket, f.provider());
        const QByteArray ended = PiecesFolder + "0123456789abcdef0123456789abcdef/0000000000000000-ab";
        const QByteArray arriving = PiecesFolder + "fedcba9876543210fedcba9876543210/0000000000000000-cd";
        bucket.objects.insert(ended, "old");
        QVERIFY(pieces.sweep([&]() -> Result<QSet<QString>> {
                          bucket.objects.insert(arriving, "new"); // its row exists by now, unseen here
                          return QSet<QString>();
                      })
                    .ok());
        QCOMPARE(bucket.keysUnder(PiecesFolder), QList<QByteArray>{arriving});
    }
};

QTEST_GUILESS_MAIN(TestArchivePieces)
#include "tst_archivepieces.moc"
