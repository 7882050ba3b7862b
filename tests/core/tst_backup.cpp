// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Backup, restore and check on real data roots (DeployFixture): what a
// backup holds, that a restored root has the same database and blobs, every
// refusal with its code (leaving nothing behind), every problem check finds,
// and that garbage collection waits while a backup reads the store.
#include "core/backup/backupmanifest.h"
#include "core/backup/backuprestorer.h"
#include "core/backup/backupwriter.h"
#include "core/backup/storecheck.h"
#include "core/blobs/sweeplock.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/statement.h"
#include "tests/support/deployfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using ddd::core::backup::BackupManifest;
using ddd::core::backup::BackupRestorer;
using ddd::core::backup::BackupWriter;
using ddd::core::backup::CheckReport;
using ddd::core::backup::RestoreRequest;
using ddd::core::backup::StoreCheck;
using ddd::test::DeployFixture;

namespace {

const QByteArray kKey = QByteArray(32, 'k');

QStringList problemCodes(const CheckReport &report)
{
    QStringList codes;
    for (const auto &problem : report.problems)
        codes.append(problem.code);
    return codes;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Everything in `directory` but the top-level entries made by the test.
QStringList leftovers(const QString &directory)
{
    return QDir(directory).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
}

} // namespace

class TestBackup final : public QObject
{
    Q_OBJECT

    std::unique_ptr<DeployFixture> m_fixture;
    std::unique_ptr<QTemporaryDir> m_out;
    QByteArray m_indexHash;
    qint64 m_firstVersion = 0;

    QString dataRoot() const { return m_fixture->store().dataRoot(); }
    QString out(const QString &name) const { return m_out->filePath(name); }

    ddd::core::Result<BackupManifest> backup(const QString &destination)
    {
        return BackupWriter::write({dataRoot(), destination, {}, u"test"_qs, 1000});
    }

    // A backup at out("backup") for the refusal tests to damage.
    void makeBackup()
    {
        auto manifest = backup(out(u"backup"_qs));
        QVERIFY2(manifest.ok(), manifest.ok() ? "" : qPrintable(manifest.error().message));
    }

    void expectRestoreRefused(const QString &code, const QString &target)
    {
        const QStringList before = leftovers(m_out->path());
        auto restored = BackupRestorer::restore(RestoreRequest{out(u"backup"_qs), target, false, 2000});
        QVERIFY(!restored.ok());
        QCOMPARE(restored.error().code, code);
        QCOMPARE(leftovers(m_out->path()), before); // no half-written root, no hidden work directory
    }

    void corruptDatabase(const QString &path)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        // Garbage over every page but the header page: b-tree pages no longer parse.
        for (qint64 at = 4096; at + 64 < size; at += 4096) {
            file.seek(at);
            file.write(QByteArray(64, '\xA5'));
        }
    }

private slots:
    void init()
    {
        m_fixture = std::make_unique<DeployFixture>();
        m_out = std::make_unique<QTemporaryDir>();
        m_firstVersion = m_fixture->deployed({{"index.html", "<h1>one</h1>"}, {"a.css", "body{}"}}).id;
        m_fixture->deployed({{"index.html", "<h1>two</h1>"}, {"a.css", "body{}"}, {"b.js", "x()"}});
        m_indexHash = DeployFixture::sha256("<h1>two</h1>");
        QVERIFY(QDir().mkpath(dataRoot() + u"/keys"_qs));
        writeFile(dataRoot() + u"/keys/jwt.key"_qs, kKey);
    }

    void backupHoldsSnapshotBlobsKeysAndManifest()
    {
        (void)m_fixture->db().exec(u"INSERT INTO upload_sessions(id, project_id, author_id, manifest, created_at, expires_at) "
                             "VALUES('s1', 1, 1, '{}', 0, 99999999999999)"_qs);
        auto manifest = backup(out(u"backup"_qs));
        QVERIFY2(manifest.ok(), manifest.ok() ? "" : qPrintable(manifest.error().message));
        QCOMPARE(manifest->format, BackupManifest::kFormat);
        QCOMPARE(manifest->counts.value(u"versions"_qs), 2);
        QCOMPARE(manifest->counts.value(u"blobs"_qs), 4);
        QCOMPARE(manifest->keys, QStringList{u"jwt.key"_qs});
        QCOMPARE(manifest->schemaVersion, ddd::core::storage::Migrations::latestVersion());
        const QString root = out(u"backup"_qs);
        QCOMPARE(readFile(root + u"/keys/jwt.key"_qs), kKey);
        QCOMPARE(readFile(root + u"/blobs/"_qs + QString::fromLatin1(m_indexHash.left(2)) + u'/' + QString::fromLatin1(m_indexHash)),
                 QByteArray("<h1>two</h1>"));
        QVERIFY(!QFileInfo::exists(root + u"/indexes"_qs)); // rebuilt at start-up
        QVERIFY(!QFileInfo::exists(root + u"/agent.db-wal"_qs));
        auto parsed = BackupManifest::fromJson(readFile(root + u"/manifest.json"_qs));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->databaseSha256, DeployFixture::sha256(readFile(root + u"/agent.db"_qs)));
        auto copy = ddd::core::storage::Database::openReadOnly(root + u"/agent.db"_qs);
        auto sessions = copy->prepare(u"SELECT COUNT(*) FROM upload_sessions"_qs);
        QVERIFY(sessions->step().ok());
        QCOMPARE(sessions->columnInt(0), 0); // their blobs belong to no version
        QVERIFY(StoreCheck::run(root).ok());
        QCOMPARE(leftovers(m_out->path()), QStringList{u"backup"_qs});
    }

    void restoreMakesTheSameDataRoot()
    {
        makeBackup();
        const QString target = out(u"restored/data"_qs);
        auto restored = BackupRestorer::restore(RestoreRequest{out(u"backup"_qs), target, false, 2000});
        QVERIFY2(restored.ok(), restored.ok() ? "" : qPrintable(restored.error().message));
        QCOMPARE(readFile(target + u"/keys/jwt.key"_qs), kKey);
        QCOMPARE(QFileInfo(target + u"/keys/jwt.key"_qs).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        QCOMPARE(readFile(target + u"/agent.db"_qs), readFile(out(u"backup/agent.db"_qs)));
        const CheckReport report = StoreCheck::run(target);
        QVERIFY2(report.ok(), qPrintable(report.toText()));
        QCOMPARE(report.counts.value(u"blobs"_qs), 4);
        QCOMPARE(leftovers(out(u"restored"_qs)), QStringList{u"data"_qs});
    }

    // Certificates and their ACME status come back, so the restored agent
    // serves them and orders nothing anew; an install in progress (a hidden
    // folder) is left out, and a manifest cannot point restore elsewhere.
    void certificatesRoundTrip()
    {
        const QString root = dataRoot();
        writeFile(root + u"/certificates/shop.test/fullchain.pem"_qs, "chain");
        writeFile(root + u"/certificates/shop.test/privkey.pem"_qs, "key");
        writeFile(root + u"/certificates/.shop.test.new/privkey.pem"_qs, "half");
        writeFile(root + u"/acme/status/project-1.json"_qs, "{}");
        writeFile(root + u"/acme/webroot/.well-known/acme-challenge/t"_qs, "token");
        auto manifest = backup(out(u"backup"_qs));
        QVERIFY2(manifest.ok(), manifest.ok() ? "" : qPrintable(manifest.error().message));
        QCOMPARE(manifest->certificates, (QStringList{u"acme/status/project-1.json"_qs,
                                                      u"certificates/shop.test/fullchain.pem"_qs,
                                                      u"certificates/shop.test/privkey.pem"_qs}));
        const QString target = out(u"restored"_qs);
        auto restored = BackupRestorer::restore(RestoreRequest{out(u"backup"_qs), target, false, 2000});
        QVERIFY2(restored.ok(), restored.ok() ? "" : qPrintable(restored.error().message));
        QCOMPARE(readFile(target + u"/certificates/shop.test/privkey.pem"_qs), QByteArray("key"));
        QCOMPARE(QFileInfo(target + u"/certificates/shop.test/privkey.pem"_qs).permissions()
                     & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        QCOMPARE(readFile(target + u"/acme/status/project-1.json"_qs), QByteArray("{}"));
        QVERIFY(!QFileInfo::exists(target + u"/certificates/.shop.test.new"_qs));
        QVERIFY(!BackupManifest::isCertificatePath(u"certificates/../keys/jwt.key"_qs));
        QVERIFY(!BackupManifest::isCertificatePath(u"keys/jwt.key"_qs));
        QVERIFY(!BackupManifest::isCertificatePath(u"certificates//x"_qs));
    }

    void restoreIntoAnEmptyDirectory()
    {
        makeBackup();
        QVERIFY(QDir().mkpath(out(u"empty"_qs)));
        QVERIFY(BackupRestorer::restore(RestoreRequest{out(u"backup"_qs), out(u"empty"_qs), false, 2000}).ok());
        QVERIFY(QFileInfo(out(u"empty/agent.db"_qs)).isFile());
    }

    void restoreWithForceMovesTheOldRootAside()
    {
        makeBackup();
        QVERIFY(QDir().mkpath(out(u"full"_qs)));
        writeFile(out(u"full/old.txt"_qs), "old");
        QVERIFY(BackupRestorer::restore(RestoreRequest{out(u"backup"_qs), out(u"full"_qs), true, 2000}).ok());
        QVERIFY(QFileInfo(out(u"full/agent.db"_qs)).isFile());
        QCOMPARE(readFile(out(u"full.replaced-2000/old.txt"_qs)), QByteArray("old"));
    }

    void restoreRefusesNonEmptyRoot()
    {
        makeBackup();
        QVERIFY(QDir().mkpath(out(u"full"_qs)));
        writeFile(out(u"full/old.txt"_qs), "old");
        expectRestoreRefused(u"restore.not_empty"_qs, out(u"full"_qs));
        QCOMPARE(leftovers(out(u"full"_qs)), QStringList{u"old.txt"_qs});
    }

    void restoreRefusesNotABackup()
    {
        QVERIFY(QDir().mkpath(out(u"backup"_qs)));
        expectRestoreRefused(u"restore.not_a_backup"_qs, out(u"target"_qs));
    }

    void restoreRefusesDamagedManifest()
    {
        makeBackup();
        writeFile(out(u"backup/manifest.json"_qs), "{\"format\": ");
        expectRestoreRefused(u"restore.damaged"_qs, out(u"target"_qs));
    }

    void restoreRefusesChangedDatabase()
    {
        makeBackup();
        QFile db(out(u"backup/agent.db"_qs));
        QVERIFY(db.open(QIODevice::Append));
        db.write(QByteArray(16, '\0'));
        db.close();
        expectRestoreRefused(u"restore.damaged"_qs, out(u"target"_qs));
    }

    void restoreRefusesMissingOrChangedBlob_data()
    {
        QTest::addColumn<bool>("remove");
        QTest::newRow("missing") << true;
        QTest::newRow("changed") << false;
    }

    void restoreRefusesMissingOrChangedBlob()
    {
        QFETCH(bool, remove);
        makeBackup();
        const QString blob = out(u"backup/blobs/"_qs) + QString::fromLatin1(m_indexHash.left(2)) + u'/' + QString::fromLatin1(m_indexHash);
        if (remove)
            QVERIFY(QFile::remove(blob));
        else
            writeFile(blob, "<h1>tWo</h1>");
        expectRestoreRefused(u"restore.damaged"_qs, out(u"target"_qs));
    }

    void restoreRefusesMissingKey()
    {
        makeBackup();
        QVERIFY(QFile::remove(out(u"backup/keys/jwt.key"_qs)));
        expectRestoreRefused(u"restore.damaged"_qs, out(u"target"_qs));
    }

    void restoreRefusesNewerFormatAndSchema_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("code");
        QTest::newRow("format") << u"format"_qs << u"restore.format_too_new"_qs;
        QTest::newRow("schema") << u"schemaVersion"_qs << u"restore.schema_too_new"_qs;
    }

    void restoreRefusesNewerFormatAndSchema()
    {
        QFETCH(QString, field);
        QFETCH(QString, code);
        makeBackup();
        QJsonObject manifest = QJsonDocument::fromJson(readFile(out(u"backup/manifest.json"_qs))).object();
        manifest.insert(field, manifest.value(field).toInt() + 1);
        writeFile(out(u"backup/manifest.json"_qs), QJsonDocument(manifest).toJson());
        expectRestoreRefused(code, out(u"target"_qs));
    }

    void backupRefusals()
    {
        QVERIFY(QDir().mkpath(out(u"exists"_qs)));
        auto exists = backup(out(u"exists"_qs));
        QVERIFY(!exists.ok());
        QCOMPARE(exists.error().code, u"backup.destination_exists"_qs);
        auto noDatabase = BackupWriter::write({m_out->path(), out(u"b"_qs), {}, u"test"_qs, 1});
        QVERIFY(!noDatabase.ok());
        QCOMPARE(noDatabase.error().code, u"backup.no_database"_qs);
        QCOMPARE(leftovers(m_out->path()), QStringList{u"exists"_qs});
    }

    void backupRefusesACorruptStore()
    {
        writeFile(m_fixture->store().pathFor(m_indexHash), "<h1>tWo</h1>");
        auto corrupt = backup(out(u"backup"_qs));
        QVERIFY(!corrupt.ok());
        QCOMPARE(corrupt.error().code, u"backup.blob_corrupt"_qs);
        QVERIFY(QFile::remove(m_fixture->store().pathFor(m_indexHash)));
        auto missing = backup(out(u"backup"_qs));
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, u"backup.blob_missing"_qs);
        QCOMPARE(leftovers(m_out->path()), QStringList());
    }

    void checkPassesAHealthyStore()
    {
        const CheckReport report = StoreCheck::run(dataRoot());
        QVERIFY2(report.ok(), qPrintable(report.toText()));
        QCOMPARE(report.counts.value(u"versions"_qs), 2);
        QCOMPARE(report.counts.value(u"blobs"_qs), 4);
        QVERIFY(report.toJson().value(u"ok"_qs).toBool());
    }

    void checkFindsBlobProblems_data()
    {
        QTest::addColumn<QByteArray>("content"); // empty: deleted
        QTest::addColumn<QString>("code");
        QTest::newRow("missing") << QByteArray() << u"check.blob_missing"_qs;
        QTest::newRow("corrupt") << QByteArray("<h1>tWo</h1>") << u"check.blob_corrupt"_qs;
        QTest::newRow("truncated") << QByteArray("<h1>") << u"check.blob_size"_qs;
    }

    void checkFindsBlobProblems()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, code);
        const QString blob = m_fixture->store().pathFor(m_indexHash);
        if (content.isEmpty())
            QVERIFY(QFile::remove(blob));
        else
            writeFile(blob, content);
        const CheckReport report = StoreCheck::run(dataRoot());
        QCOMPARE(problemCodes(report), QStringList{code});
        const QJsonObject details = report.problems.first().details;
        QCOMPARE(details.value(u"sha256"_qs).toString(), QString::fromLatin1(m_indexHash));
        QCOMPARE(details.value(u"versions"_qs).toArray().size(), 1);
        QVERIFY(report.toText().contains(code));
        QVERIFY(!report.toJson().value(u"ok"_qs).toBool());
    }

    void checkFindsACorruptDatabase()
    {
        for (int i = 0; i < 40; ++i)
            m_fixture->deployed({{"index.html", "v" + QByteArray::number(i)}, {"f" + QByteArray::number(i) + ".txt", QByteArray(300, 'x')}});
        const QString db = dataRoot() + u"/agent.db"_qs;
        (void)m_fixture->db().exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_qs);
        corruptDatabase(db);
        const CheckReport report = StoreCheck::run(dataRoot());
        QVERIFY(!report.ok());
        QVERIFY2(problemCodes(report).contains(u"check.database_corrupt"_qs), qPrintable(report.toText()));
    }

    void checkFindsAMissingDatabase()
    {
        QCOMPARE(problemCodes(StoreCheck::run(m_out->path())), QStringList{u"check.database_missing"_qs});
    }

    void checkFindsBrokenForeignKeys()
    {
        auto &db = m_fixture->db();
        QVERIFY(db.exec(u"PRAGMA foreign_keys=OFF; INSERT INTO version_files(version_id, path, sha256, size) "
                        "SELECT 999, path, sha256, size FROM version_files LIMIT 1; PRAGMA foreign_keys=ON"_qs).ok());
        QCOMPARE(problemCodes(StoreCheck::run(dataRoot())), QStringList{u"check.foreign_key"_qs});
    }

    // A blob a deleted version leaves behind stays while a reader holds the
    // SweepLock, and goes with the next collection after it is released.
    void garbageCollectionWaitsForBackup()
    {
        const QByteArray oldIndex = DeployFixture::sha256("<h1>one</h1>");
        {
            auto lock = ddd::core::blobs::SweepLock::read(dataRoot());
            QVERIFY(lock.ok());
            QVERIFY(m_fixture->service().remove(m_fixture->alice, m_firstVersion).ok());
            QVERIFY(m_fixture->store().contains(oldIndex));
        }
        const qint64 third = m_fixture->deployed({{"index.html", "<h1>three</h1>"}}, false).id;
        QVERIFY(m_fixture->service().remove(m_fixture->alice, third).ok());
        QVERIFY(!m_fixture->store().contains(oldIndex));
        QVERIFY(!m_fixture->store().contains(DeployFixture::sha256("<h1>three</h1>")));
        QVERIFY(m_fixture->store().contains(m_indexHash));
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
