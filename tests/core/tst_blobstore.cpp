// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/blobstore.h"
#include "core/blobs/blobwriter.h"
#include "core/blobs/sha256.h"
#include "tests/support/tempdataroot.h"

#include <QDir>
#include <QtTest>

using namespace ddd::core::blobs;

class TestBlobStore final : public QObject
{
    Q_OBJECT

    static StagedBlob stage(const QString &directory, const QByteArray &content)
    {
        auto writer = BlobWriter::create(directory);
        if (!writer.ok() || !writer->write(content.left(3)).ok() || !writer->write(content.mid(3)).ok())
            qFatal("cannot stage a blob");
        return writer->finish().value();
    }

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static QStringList stagingLeftovers(const BlobStore &store)
    {
        return QDir(store.stagingRoot()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void hashesLikeSha256()
    {
        QCOMPARE(Sha256::hexOf("abc"), QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QVERIFY(Sha256::isValidHex(Sha256::hexOf("")));
        QVERIFY(!Sha256::isValidHex(Sha256::hexOf("").toUpper()));
        QVERIFY(!Sha256::isValidHex("../../etc/passwd"));
    }

    // Files are hashed in slices: one larger than a slice, an empty one,
    // and a folder (it opens, but reading fails) or a missing file refused.
    void hashesFiles()
    {
        ddd::test::TempDataRoot root;
        const QByteArray big(600 * 1024 + 7, 'x');
        QFile file(root.file(u"big"_qs));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(big) == big.size());
        file.close();
        QCOMPARE(Sha256::ofFile(root.file(u"big"_qs)).value(), Sha256::hexOf(big));
        QFile empty(root.file(u"empty"_qs));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        QCOMPARE(Sha256::ofFile(root.file(u"empty"_qs)).value(), Sha256::hexOf(""));
        QCOMPARE(Sha256::ofFile(root.file(u"missing"_qs)).error().code, u"io.error"_qs);
        QVERIFY(QDir().mkpath(root.file(u"folder"_qs)));
        QVERIFY(!Sha256::ofFile(root.file(u"folder"_qs)));
    }

    void commitsAStagedBlobAtomically()
    {
        ddd::test::TempDataRoot root;
        BlobStore store(root.path());
        QVERIFY(store.initialise().ok());
        const QString staging = store.createStagingArea().value();
        const StagedBlob blob = stage(staging, "hello, world");
        QCOMPARE(blob.sha256, Sha256::hexOf("hello, world"));
        QCOMPARE(blob.size, qint64(12));
        QVERIFY(!store.contains(blob.sha256)); // nothing visible before commit
        QVERIFY(store.commit(blob).ok());
        QVERIFY(store.contains(blob.sha256));
        const QString path = store.pathFor(blob.sha256);
        QCOMPARE(path, root.path() + u"/blobs/"_qs + QString::fromLatin1(blob.sha256.left(2)) + u'/'
                     + QString::fromLatin1(blob.sha256));
        QCOMPARE(readAll(path), QByteArray("hello, world"));
        QCOMPARE(QFile(path).permissions() & 0x7077,
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
        QCOMPARE(QFileInfo(QFileInfo(path).path()).permissions() & 0x7077,
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                     | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther);
        QVERIFY(!QFile::exists(blob.path));
        QCOMPARE(store.size(blob.sha256).value(), qint64(12));
        QVERIFY(store.verify(blob.sha256).ok());
    }

    void storesIdenticalContentOnce()
    {
        ddd::test::TempDataRoot root;
        BlobStore store(root.path());
        QVERIFY(store.initialise().ok());
        const QString staging = store.createStagingArea().value();
        const StagedBlob first = stage(staging, "same bytes");
        const StagedBlob second = stage(staging, "same bytes");
        QVERIFY(first.path != second.path);
        QVERIFY(store.commit(first).ok());
        QVERIFY(store.commit(second).ok());
        QCOMPARE(store.listAll().value(), QList<QByteArray>{first.sha256});
        QVERIFY(QDir(staging).isEmpty());
    }

    void commitsAWholeUploadAtOnce()
    {
        ddd::test::TempDataRoot root;
        BlobStore store(root.path());
        QVERIFY(store.initialise().ok());
        const StagedBlob existing = stage(store.createStagingArea().value(), "already stored");
        QVERIFY(store.commit(existing).ok());
        const QString staging = store.createStagingArea().value();
        const QList<StagedBlob> upload{stage(staging, "one"), stage(staging, "two"), stage(staging, "one"),
                                       stage(staging, "already stored")};
        QVERIFY(store.commitAll(upload).ok());
        QCOMPARE(store.listAll().value().size(), qsizetype(3));
        for (const StagedBlob &blob : upload)
            QVERIFY(store.verify(blob.sha256).ok());
        QVERIFY(QDir(staging).isEmpty());
    }

    void commitsNothingWhenOneHashIsInvalid()
    {
        ddd::test::TempDataRoot root;
        BlobStore store(root.path());
        QVERIFY(store.initialise().ok());
        const QString staging = store.createStagingArea().value();
        StagedBlob bad = stage(staging, "bad");
        bad.sha256 = "../../x";
        QCOMPARE(store.commitAll({stage(staging, "good"), bad}).error().code, u"blob.invalid_hash"_qs);
        QVERIFY(store.listAll().value().isEmpty());
    }

    void writerLeavesNothingWhenAbandoned()
    {
        ddd::test::TempDataRoot root;
        BlobStore store(root.path());
        QVERIFY(store.initialise().ok());
        const QString staging = store.createStagingArea().value();
        {
            auto writer = BlobWriter::create(staging);
            QVERIFY(writer.ok());
            QVERIFY(writer->write("half a blob").ok());
            QVERIFY(!QDir(staging).isEmpty());
        }
        QVERIFY(QDir(staging).isEmpty());
        QVERIFY(store.listAll().value().isEmpty());
    }

    void refusesHashesThatAreNotHex_data()
    {
        QTest::addColumn<QByteArray>("hash");
        QTest::newRow("traversal") << QByteArray("../../../../etc/passwd");
        QTest::newRow("upper case") << Sha256::hexOf("x").toUpper();
        QTest::newRow("short") << Sha256::hexOf("x").left(63);
        QTest::newRow("empty") << QByteArray();
    }

    void refusesHashesThatAreNotHex()
    {
        QFETCH(QByteArray, hash);
        ddd::test::TempDataRoot root;
        BlobStore store(root.path());
        QVERIFY(store.initialise().ok());
        QVERIFY(store.pathFor(hash).isEmpty());
        QVERIFY(!store.contains(hash));
        QCOMPARE(store.size(hash).error().code, u"blob.invalid_hash"_qs);
        QCOMPARE(store.remove(hash).error().code, u"blob.invalid_hash"_qs);
        QCOMPARE(store.verify(hash).error().code, u"blob.invalid_hash"_qs);
        QCOMPARE(store.openPartial(hash, 10).error().code, u"blob.invalid_hash"_qs);
        QCOMPARE(store.partialSize(hash).error().code, u"blob.invalid_hash"_qs);
        QCOMPARE(store.removePartial(hash).error().code, u"blob.invalid_hash"_qs);
        QCOMPARE(store.commit(StagedBlob{root.file(u"x"_qs), hash, 0}).error().code, u"blob.invalid_hash"_qs);
    }

    void verifyDetectsDamage()
    {
        ddd::test::TempDataRoot root;
        BlobStore store(root.path());
        QVERIFY(store.initialise().ok());
        const StagedBlob blob = stage(store.createStagingArea().value(), "pristine");
        QVERIFY(store.commit(blob).ok());
        QFile file(store.pathFor(blob.sha256));
        QVERIFY(file.setPermissions(file.permissions() | QFileDevice::WriteOwner));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write("tampered") == 8);
        file.close();
        QCOMPARE(store.verify(blob.sha256).error().code, u"storage.blob_corrupt"_qs);
        QCOMPARE(store.verify(Sha256::hexOf("absent")).error().code, u"blob.not_found"_qs);
    }

    void removesAndListsBlobs()
    {
        ddd::test::TempDataRoot root;
        BlobStore store(root.path());
        QVERIFY(store.initialise().ok());
        const QString staging = store.createStagingArea().value();
        const StagedBlob a = stage(staging, "a");
        const StagedBlob b = stage(staging, "b");
        QVERIFY(store.commit(a).ok() && store.commit(b).ok());
        QList<QByteArray> all = store.listAll().value();
        std::sort(all.begin(), all.end());
        QList<QByteArray> expected{a.sha256, b.sha256};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(all, expected);
        QVERIFY(store.remove(a.sha256).ok());
        QVERIFY(store.remove(a.sha256).ok()); // idempotent
        QCOMPARE(store.listAll().value(), QList<QByteArray>{b.sha256});
        QCOMPARE(store.size(a.sha256).error().code, u"blob.not_found"_qs);
    }

    void resumesAPartialUpload()
    {
        ddd::test::TempDataRoot root;
        BlobStore store(root.path());
        QVERIFY(store.initialise().ok());
        const QByteArray content = QByteArray("0123456789").repeated(1000);
        const QByteArray hash = Sha256::hexOf(content);
        {
            auto partial = store.openPartial(hash, content.size());
            QVERIFY(partial.ok());
            QCOMPARE(partial->size(), qint64(0));
            QVERIFY(partial->append(content.left(4000)).ok());
        }
        {
            auto partial = store.openPartial(hash, content.size()); // the connection dropped; resume
            QCOMPARE(partial->size(), qint64(4000));
            QVERIFY(partial->append(content.mid(4000)).ok());
            QCOMPARE(partial->append("x").error().code, u"blob.too_large"_qs);
        }
        QVERIFY(store.completePartial(hash).ok());
        QCOMPARE(readAll(store.pathFor(hash)), content);
        QCOMPARE(stagingLeftovers(store), QStringList{u"partial"_qs});
        QVERIFY(QDir(store.stagingRoot() + u"/partial"_qs).isEmpty());
    }

    void keepsBooksOnPartialUploads()
    {
        ddd::test::TempDataRoot root;
        BlobStore store(root.path());
        QVERIFY(store.initialise().ok());
        const QByteArray hash = Sha256::hexOf("announced");
        QCOMPARE(store.partialSize(hash).value(), qint64(0));
        QVERIFY(store.listPartials().value().isEmpty());
        QVERIFY(store.openPartial(hash, 9)->append("anno").ok());
        QCOMPARE(store.partialSize(hash).value(), qint64(4));
        QCOMPARE(store.listPartials().value(), QList<QByteArray>{hash});
        QVERIFY(store.removePartial(hash).ok());
        QVERIFY(store.removePartial(hash).ok()); // idempotent
        QCOMPARE(store.partialSize(hash).value(), qint64(0));
        QVERIFY(store.listPartials().value().isEmpty());
    }

    void refusesAPartialUploadWithTheWrongContent()
    {
        ddd::test::TempDataRoot root;
        BlobStore store(root.path());
        QVERIFY(store.initialise().ok());
        const QByteArray hash = Sha256::hexOf("what was announced");
        {
            auto partial = store.openPartial(hash, 100);
            QVERIFY(partial->append("what arrived").ok());
        }
        const auto status = store.completePartial(hash);
        QCOMPARE(status.error().code, u"blob.hash_mismatch"_qs);
        QVERIFY(!store.contains(hash));
        QVERIFY(store.listAll().value().isEmpty());
        QVERIFY(QDir(store.stagingRoot() + u"/partial"_qs).isEmpty());
        QCOMPARE(store.completePartial(hash).error().code, u"blob.not_found"_qs);
    }

    void removesOnlyStagingAreas()
    {
        ddd::test::TempDataRoot root;
        BlobStore store(root.path());
        QVERIFY(store.initialise().ok());
        const QString staging = store.createStagingArea().value();
        stage(staging, "x");
        QVERIFY(store.removeStagingArea(staging).ok());
        QVERIFY(!QFileInfo::exists(staging));
        QVERIFY(!store.removeStagingArea(root.path() + u"/blobs"_qs).ok());
        QVERIFY(!store.removeStagingArea(store.stagingRoot() + u"/../blobs"_qs).ok());
        QVERIFY(QFileInfo(root.path() + u"/blobs/00"_qs).isDir());
    }
};

QTEST_GUILESS_MAIN(TestBlobStore)
#include "tst_blobstore.moc"
