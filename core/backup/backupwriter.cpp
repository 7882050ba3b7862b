// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/backup/backupwriter.h"

#include "core/backup/backupfiles.h"
#include "core/backup/hashedfile.h"
#include "core/backup/partialcopies.h"
#include "core/backup/snapshotcontents.h"
#include "core/blobs/sweeplock.h"
#include "core/storage/database.h"
#include "core/storage/databasesnapshot.h"
#include "core/storage/statement.h"
#include "core/util/crashpoint.h"
#include "core/util/diskfull.h"
#include "core/util/localfile.h"

#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

namespace ddd::core::backup {

namespace {

Status checkRequest(const BackupRequest &request)
{
    if (QFileInfo::exists(request.destination) || QFileInfo(request.destination).isSymLink())
        return Error::make(u"backup.destination_exists"_qs, request.destination + u" exists already"_qs,
                           {{u"path"_qs, request.destination}});
    if (!QFileInfo(request.destination).absoluteDir().exists())
        return Error::make(u"io.error"_qs, u"No directory "_qs + QFileInfo(request.destination).absolutePath());
    if (!QFileInfo(request.dataRoot + u"/agent.db"_qs).isFile())
        return Error::make(u"backup.no_database"_qs, u"No agent.db in "_qs + request.dataRoot);
    return {};
}

// Removes the rows of the copy whose variant file could not be copied, so
// the backup never promises a file it lacks.
Status dropMissingVariants(storage::Database &db, const QList<VariantRow> &missing)
{
    for (const VariantRow &variant : missing) {
        Result<storage::Statement> drop = db.prepare(u"DELETE FROM blob_variants WHERE sha256 = ?1 AND encoding = ?2"_qs);
        if (!drop)
            return drop.error();
        drop->bind(1, QString::fromLatin1(variant.sha256))
            .bind(2, QString::fromLatin1(blobs::BlobVariant::token(variant.coding)));
        if (Status done = drop->run(); !done)
            return done;
    }
    return {};
}

// The snapshot and everything it references, under the SweepLock.
Result<SnapshotContents> copyStore(const BackupRequest &request, const QString &target)
{
    Result<blobs::SweepLock> lock = blobs::SweepLock::read(request.dataRoot);
    if (!lock)
        return lock.error();
    const QString database = target + u"/agent.db"_qs;
    if (Status copied = storage::DatabaseSnapshot::copy(request.dataRoot + u"/agent.db"_qs, database); !copied)
        return copied.error();
    Result<storage::Database> db = storage::Database::open(database);
    if (!db)
        return db.error();
    if (Status dropped = db->exec(u"DELETE FROM upload_sessions"_qs); !dropped)
        return dropped.error();
    Result<SnapshotContents> contents = SnapshotContents::read(*db);
    if (!contents)
        return contents.error();
    const BackupFiles files(request.dataRoot, target, BackupFiles::Direction::Backup, request.sharedBlobs);
    if (Status blobs = files.copyBlobs(contents->blobs); !blobs)
        return blobs.error();
    CrashPoint::hit("backup.blobs_copied");
    Result<QList<VariantRow>> missing = files.copyVariants(contents->variants);
    if (!missing)
        return missing.error();
    if (Status dropped = dropMissingVariants(*db, *missing); !dropped)
        return dropped.error();
    // Back to a single self-contained file before it is hashed.
    if (Status single = db->exec(u"PRAGMA journal_mode=DELETE"_qs); !single)
        return single.error();
    return contents;
}

Result<BackupManifest> writeManifest(const BackupRequest &request, const QString &target,
                                     const SnapshotContents &contents, const QStringList &keys,
                                     const QStringList &certificates)
{
    Result<HashedFile> database = HashedFile::read(target + u"/agent.db"_qs);
    if (!database)
        return database.error();
    BackupManifest manifest;
    manifest.agentVersion = request.agentVersion;
    manifest.createdAtMs = request.nowMs;
    manifest.schemaVersion = contents.schemaVersion;
    manifest.databaseSha256 = database->sha256;
    manifest.databaseBytes = database->size;
    manifest.counts = contents.counts;
    manifest.keys = keys;
    manifest.certificates = certificates;
    manifest.config = !request.configFile.isEmpty();
    QFile file(target + u"/manifest.json"_qs);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) || file.write(manifest.toJson()) < 0 || !file.flush())
        return Error::make(u"io.error"_qs, u"Cannot write "_qs + file.fileName());
    return manifest;
}

Status publish(QTemporaryDir &temporary, const QString &destination)
{
    if (Status synced = LocalFile::syncFileSystem(temporary.path()); !synced)
        return synced;
    if (std::rename(QFile::encodeName(temporary.path()).constData(), QFile::encodeName(destination).constData()) != 0)
        return Error::make(u"io.error"_qs, u"Cannot rename the backup to "_qs + destination);
    temporary.setAutoRemove(false);
    return LocalFile::syncDirectory(QFileInfo(destination).absolutePath());
}

} // namespace

Result<BackupManifest> BackupWriter::write(const BackupRequest &request)
{
    if (Status valid = checkRequest(request); !valid)
        return valid.error();
    const QFileInfo destination(request.destination);
    PartialCopies::removeLeftovers(destination, u"partial");
    QTemporaryDir temporary(PartialCopies::templateFor(destination, u"partial"));
    if (!temporary.isValid())
        return Error::make(DiskFull::codeFor(errno), u"Cannot create a directory beside "_qs + request.destination);
    Result<SnapshotContents> contents = copyStore(request, temporary.path());
    if (!contents)
        return contents.error();
    const BackupFiles files(request.dataRoot, temporary.path(), BackupFiles::Direction::Backup);
    Result<QStringList> keys = files.copyKeys();
    if (!keys)
        return keys.error();
    if (Status logs = files.copyBuildLogs(contents->buildIds); !logs)
        return logs.error();
    Result<QStringList> certificates = files.copyCertificates();
    if (!certificates)
        return certificates.error();
    if (!request.configFile.isEmpty())
        if (Status config = files.copyFile(request.configFile, temporary.path() + u"/config.toml"_qs, true); !config)
            return config.error();
    Result<BackupManifest> manifest = writeManifest(request, temporary.path(), *contents, *keys, *certificates);
    if (!manifest)
        return manifest.error();
    CrashPoint::hit("backup.manifest_written");
    if (Status published = publish(temporary, destination.absoluteFilePath()); !published)
        return published.error();
    return manifest;
}

} // namespace ddd::core::backup
