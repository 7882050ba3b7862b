// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/sha256.h"
#include "core/deploy/blobstagingsink.h"
#include "core/deploy/ingest.h"
#include "tests/support/archivecases.h"
#include "tests/support/deflate.h"
#include "tests/support/tarbuilder.h"
#include "tests/support/tempdataroot.h"

#include <QDir>
#include <QtTest>

#include <memory>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace ddd::core;

Q_DECLARE_METATYPE(ddd::core::blobs::ManifestEntry)
using ddd::test::ArchiveCases;
using ddd::test::TarBuilder;

class TestIngest final : public QObject
{
    Q_OBJECT

    QList<ddd::test::ArchiveCase> m_hazards;

    // A data root with an initialised store, and a tree to ingest beside it.
    struct Fixture
    {
        ddd::test::TempDataRoot root;
        blobs::BlobStore store{root.file(u"data"_qs)};
        QString tree = root.file(u"tree"_qs);

        Fixture()
        {
            if (!store.initialise().ok() || !QDir().mkpath(tree))
                qFatal("cannot set up the fixture");
        }
        QString writeUpload(const QByteArray &bytes) const
        {
            QFile file(root.file(u"upload.bin"_qs));
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
                qFatal("cannot write the upload");
            return file.fileName();
        }
        void writeFile(const QString &relative, const QByteArray &content) const
        {
            const QString path = tree + u'/' + relative;
            QFile file(path);
            if (!QDir().mkpath(QFileInfo(path).path()) || !file.open(QIODevice::WriteOnly)
                || file.write(content) != content.size())
                qFatal("cannot write a tree file");
        }
        // Nothing committed, nothing left in staging but the partial folder.
        bool leftNoTrace() const
        {
            const QStringList staging =
                QDir(store.stagingRoot()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
            return store.listAll().value().isEmpty() && staging == QStringList{u"partial"_qs};
        }
    };

    static QByteArray readBlob(const blobs::BlobStore &store, const blobs::ManifestEntry *entry)
    {
        if (!entry)
            return {};
        QFile file(store.pathFor(entry->sha256));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    static QString codeOf(const Result<blobs::Manifest> &manifest)
    {
        return manifest.ok() ? u"ok"_qs : manifest.error().code;
    }

    // Hazard rows share one store (creating a data root is slow on some
    // disks); each row checks that the store is still empty afterwards.
    std::unique_ptr<Fixture> m_shared;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_hazards = ArchiveCases::hazards();
        m_shared = std::make_unique<Fixture>();
    }

    void cleanupTestCase() { m_shared.reset(); }

    void refusedArchiveLeavesNoTrace_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < m_hazards.size(); ++i)
            QTest::newRow(m_hazards.at(i).name.constData()) << i;
    }

    void refusedArchiveLeavesNoTrace()
    {
        QFETCH(int, index);
        const Fixture &f = *m_shared;
        const QString staging = f.store.createStagingArea().value();
        const auto manifest =
            deploy::Ingest::fromArchive(f.writeUpload(m_hazards.at(index).bytes), ArchiveCases::limits(), f.store, staging);
        QCOMPARE(codeOf(manifest), m_hazards.at(index).code);
        QVERIFY(f.leftNoTrace());
    }

    void ingestsAnArchive()
    {
        Fixture f;
        const QByteArray tar = TarBuilder()
                                   .directory("./")
                                   .file("index.html", "<h1>home</h1>")
                                   .file("docs/a..b.txt", "same")
                                   .file("docs/copy.txt", "same")
                                   .directory("empty/")
                                   .build();
        const auto manifest = deploy::Ingest::fromArchive(f.writeUpload(ddd::test::Deflate::gzip(tar)),
                                                          ArchiveCases::limits(), f.store,
                                                          f.store.createStagingArea().value());
        QVERIFY2(manifest.ok(), qPrintable(manifest.ok() ? QString() : manifest.error().message));
        QCOMPARE(manifest->fileCount(), qsizetype(3));
        QCOMPARE(readBlob(f.store, manifest->find(u"index.html"_qs)), QByteArray("<h1>home</h1>"));
        QCOMPARE(manifest->find(u"docs/a..b.txt"_qs)->sha256, manifest->find(u"docs/copy.txt"_qs)->sha256);
        QCOMPARE(f.store.listAll().value().size(), qsizetype(2)); // identical files stored once
        QCOMPARE(QDir(f.store.stagingRoot()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{u"partial"_qs});
    }

    void sharesBlobsAcrossUploads()
    {
        Fixture f;
        const QByteArray first = TarBuilder().file("index.html", "shared").file("a.css", "one").build();
        const QByteArray second = TarBuilder().file("index.html", "shared").file("b.css", "two").build();
        for (const QByteArray &upload : {first, second})
            QVERIFY(deploy::Ingest::fromArchive(f.writeUpload(upload), ArchiveCases::limits(), f.store,
                                                f.store.createStagingArea().value())
                        .ok());
        QCOMPARE(f.store.listAll().value().size(), qsizetype(3));
    }

    // Content the store already holds is hashed in memory and never written
    // to staging; new content and large files are: a small new file in the
    // subdirectory of its hash's shard, a large one (hash unknown while it
    // streams) at the top.
    void stagesOnlyContentTheStoreLacks()
    {
        Fixture f;
        QVERIFY(deploy::Ingest::fromArchive(f.writeUpload(TarBuilder().file("known.css", "old").build()),
                                            ArchiveCases::limits(), f.store, f.store.createStagingArea().value())
                    .ok());
        const QString staging = f.store.createStagingArea().value();
        deploy::BlobStagingSink sink(staging, f.store);
        const QByteArray big(300 * 1024, 'x');
        for (const auto &[path, content] : {std::pair{u"known.css"_qs, QByteArray("old")},
                                            std::pair{u"new.css"_qs, QByteArray("new")},
                                            std::pair{u"big.bin"_qs, big}}) {
            QVERIFY(sink.beginFile(path).ok());
            for (qsizetype at = 0; at < content.size(); at += 64 * 1024)
                QVERIFY(sink.write(QByteArrayView(content).sliced(at, std::min<qsizetype>(64 * 1024, content.size() - at))).ok());
            QVERIFY(sink.endFile().ok());
        }
        QCOMPARE(sink.entries().size(), qsizetype(3));
        QCOMPARE(sink.entries().at(0).sha256, blobs::Sha256::hexOf("old"));
        QCOMPARE(sink.entries().at(2).size, big.size());
        QCOMPARE(sink.stagedBlobs().size(), qsizetype(2));
        const QByteArray newHash = blobs::Sha256::hexOf("new");
        QCOMPARE(QDir(staging).entryList(QDir::Files).size(), 1);
        QCOMPARE(QDir(staging).entryList(QDir::Dirs | QDir::NoDotAndDotDot), QStringList{QString::fromLatin1(newHash.left(2))});
        QCOMPARE(QFileInfo(sink.stagedBlobs().at(0).path).dir().dirName(), QString::fromLatin1(newHash.left(2)));
        QCOMPARE(sink.stagedBlobs().at(1).sha256, blobs::Sha256::hexOf(big));
    }

    // A rules file whose content the store holds (here from a source, where
    // root rules are not checked) is still read and checked for a site.
    void checksRulesFilesTheStoreAlreadyHeld()
    {
        Fixture f;
        const QByteArray upload = TarBuilder().file("index.html", "x").file("_redirects", "/a /b 301 Country=de\n").build();
        QVERIFY(deploy::Ingest::fromArchive(f.writeUpload(upload), ArchiveCases::limits(), f.store,
                                            f.store.createStagingArea().value(), deploy::Ingest::RootRules::Ignore)
                    .ok());
        const auto site = deploy::Ingest::fromArchive(f.writeUpload(upload), ArchiveCases::limits(), f.store,
                                                      f.store.createStagingArea().value());
        QVERIFY(!site.ok());
        QCOMPARE(site.error().code, u"rules.unsupported_condition"_qs);
    }

    void ingestsADirectory()
    {
        Fixture f;
        f.writeFile(u"index.html"_qs, "<h1>built</h1>");
        f.writeFile(u"assets/app.js"_qs, "console.log(1)");
        f.writeFile(u".well-known/security.txt"_qs, "Contact: x");
        QVERIFY(QDir().mkpath(f.tree + u"/empty"_qs));
        const auto manifest = deploy::Ingest::fromDirectory(f.tree, ArchiveCases::limits(), f.store,
                                                            f.store.createStagingArea().value());
        QVERIFY2(manifest.ok(), qPrintable(manifest.ok() ? QString() : manifest.error().message));
        QCOMPARE(manifest->fileCount(), qsizetype(3));
        QCOMPARE(readBlob(f.store, manifest->find(u"assets/app.js"_qs)), QByteArray("console.log(1)"));
        QVERIFY(manifest->find(u".well-known/security.txt"_qs));
    }

    void refusesADirectoryWithASymlink()
    {
        Fixture f;
        f.writeFile(u"index.html"_qs, "ok");
        QVERIFY(QFile::link(u"/etc/passwd"_qs, f.tree + u"/passwd"_qs));
        const auto manifest = deploy::Ingest::fromDirectory(f.tree, ArchiveCases::limits(), f.store,
                                                            f.store.createStagingArea().value());
        QCOMPARE(codeOf(manifest), u"archive.link_entry"_qs);
        QCOMPARE(manifest.error().details.value(u"entry"_qs).toString(), u"passwd"_qs);
        QVERIFY(f.leftNoTrace());
    }

    void refusesADirectoryWithASymlinkedFolder()
    {
        Fixture f;
        f.writeFile(u"index.html"_qs, "ok");
        QVERIFY(QFile::link(u"/etc"_qs, f.tree + u"/etc"_qs));
        const auto manifest = deploy::Ingest::fromDirectory(f.tree, ArchiveCases::limits(), f.store,
                                                            f.store.createStagingArea().value());
        QCOMPARE(codeOf(manifest), u"archive.link_entry"_qs);
        QVERIFY(f.leftNoTrace());
    }

    void refusesASymlinkedRoot()
    {
        Fixture f;
        f.writeFile(u"index.html"_qs, "ok");
        QVERIFY(QFile::link(f.tree, f.root.file(u"alias"_qs)));
        const auto manifest = deploy::Ingest::fromDirectory(f.root.file(u"alias"_qs), ArchiveCases::limits(), f.store,
                                                            f.store.createStagingArea().value());
        QCOMPARE(codeOf(manifest), u"archive.link_entry"_qs);
        QVERIFY(f.leftNoTrace());
    }

    void refusesADirectoryWithAFifo()
    {
        Fixture f;
        f.writeFile(u"index.html"_qs, "ok");
        QCOMPARE(::mkfifo(QFile::encodeName(f.tree + u"/pipe"_qs).constData(), 0644), 0);
        const auto manifest = deploy::Ingest::fromDirectory(f.tree, ArchiveCases::limits(), f.store,
                                                            f.store.createStagingArea().value());
        QCOMPARE(codeOf(manifest), u"archive.special_file"_qs);
        QVERIFY(f.leftNoTrace());
    }

    void refusesANameThatIsNotUtf8()
    {
        Fixture f;
        f.writeFile(u"index.html"_qs, "ok");
        const QByteArray raw = QFile::encodeName(f.tree) + "/caf\xe9.html";
        const int fd = ::open(raw.constData(), O_WRONLY | O_CREAT | O_EXCL, 0644);
        QVERIFY(fd >= 0);
        ::close(fd);
        const auto manifest = deploy::Ingest::fromDirectory(f.tree, ArchiveCases::limits(), f.store,
                                                            f.store.createStagingArea().value());
        const bool removed = ::unlink(raw.constData()) == 0; // QDir cannot remove what it cannot name
        QCOMPARE(codeOf(manifest), u"archive.bad_name"_qs);
        QVERIFY(removed);
        QVERIFY(f.leftNoTrace());
    }

    void appliesBudgetsToADirectory()
    {
        Fixture f;
        f.writeFile(u"big.bin"_qs, QByteArray(3 * 1024 * 1024, 'b'));
        const auto manifest = deploy::Ingest::fromDirectory(f.tree, ArchiveCases::limits(), f.store,
                                                            f.store.createStagingArea().value());
        QCOMPARE(codeOf(manifest), u"archive.too_large"_qs);
        QCOMPARE(manifest.error().details.value(u"limit"_qs).toString(), u"entry_bytes"_qs);
        QVERIFY(f.leftNoTrace());
    }

    void refusesAnEmptyDirectory()
    {
        Fixture f;
        QVERIFY(QDir().mkpath(f.tree + u"/only/folders"_qs));
        const auto manifest = deploy::Ingest::fromDirectory(f.tree, ArchiveCases::limits(), f.store,
                                                            f.store.createStagingArea().value());
        QCOMPARE(codeOf(manifest), u"archive.empty"_qs);
        QVERIFY(f.leftNoTrace());
    }

    void checksPostedManifests_data()
    {
        auto file = [](const QString &path, qint64 size) {
            return blobs::ManifestEntry{path, blobs::Sha256::hexOf(path.toUtf8()), size};
        };
        QTest::addColumn<QList<blobs::ManifestEntry>>("entries");
        QTest::addColumn<QString>("code");
        QTest::newRow("fine") << QList{file(u"index.html"_qs, 10), file(u"a/b.css"_qs, 10)} << QString();
        QTest::newRow("case collision") << QList{file(u"A.html"_qs, 1), file(u"a.html"_qs, 1)}
                                        << u"archive.case_collision"_qs;
        QTest::newRow("file below a file") << QList{file(u"a"_qs, 1), file(u"a/b"_qs, 1)}
                                           << u"archive.duplicate_entry"_qs;
        QTest::newRow("file too large") << QList{file(u"big"_qs, 3 * 1024 * 1024)} << u"archive.too_large"_qs;
        QTest::newRow("total too large") << QList{file(u"a"_qs, 2 * 1024 * 1024), file(u"b"_qs, 2 * 1024 * 1024),
                                                  file(u"c"_qs, 2 * 1024 * 1024)}
                                         << u"archive.too_large"_qs;
        QTest::newRow("empty") << QList<blobs::ManifestEntry>() << u"archive.empty"_qs;
    }

    void checksPostedManifests()
    {
        QFETCH(QList<blobs::ManifestEntry>, entries);
        QFETCH(QString, code);
        const auto status = deploy::Ingest::checkManifest(blobs::Manifest::fromEntries(entries).value(),
                                                          ArchiveCases::limits());
        QCOMPARE(status.ok() ? QString() : status.error().code, code);
    }
};

QTEST_GUILESS_MAIN(TestIngest)
#include "tst_ingest.moc"
