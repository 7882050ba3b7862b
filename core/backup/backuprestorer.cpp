// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/backup/backuprestorer.h"

#include "core/backup/backupfiles.h"
#include "core/backup/hashedfile.h"
#include "core/backup/partialcopies.h"
#include "core/backup/snapshotcontents.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/util/crashpoint.h"
#include "core/util/localfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

namespace ddd::core::backup {

namespace {

Result<BackupManifest> readManifest(const QString &source)
{
    QFile file(source + u"/manifest.json"_qs);
    if (!QFileInfo(source).isDir() || !file.exists())
        return Error::make(u"restore.not_a_backup"_qs, source + u" holds no manifest.json: not a backup"_qs);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(u"io.error"_qs, u"Cannot read "_qs + file.fileName());
    Result<BackupManifest> manifest = BackupManifest::fromJson(file.read(1 << 20));
    if (!manifest)
        return manifest.error();
    if (manifest->format > BackupManifest::kFormat)
        return Error::make(u"restore.format_too_new"_qs,
                           QStringLiteral("The backup has format %1; this agent reads up to %2 (made by ddd-agent %3)")
                               .arg(manifest->format).arg(BackupManifest::kFormat).arg(manifest->agentVersion));
    if (manifest->schemaVersion > storage::Migrations::latestVersion())
        return Error::make(u"restore.schema_too_new"_qs,
                           QStringLiteral("The backup's database has schema %1; this agent knows up to %2")
                               .arg(manifest->schemaVersion).arg(storage::Migrations::latestVersion()));
    return manifest;
}

Status checkTarget(const RestoreRequest &request)
{
    const QFileInfo target(request.dataRoot);
    if (!target.exists() && !target.isSymLink())
        return {};
    const bool empty = target.isDir() && QDir(request.dataRoot).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    if (empty || (request.force && target.isDir()))
        return {};
    return Error::make(u"restore.not_empty"_qs,
                       request.dataRoot + u" is not an empty directory (--force moves it aside)"_qs,
                       {{u"path"_qs, request.dataRoot}});
}

Status copyDatabase(const QString &source, const QString &target, const BackupManifest &manifest)
{
    Result<HashedFile> database = HashedFile::copy(source + u"/agent.db"_qs, target + u"/agent.db"_qs, true);
    if (!database && database.error().code == u"blob.not_found")
        return Error::make(u"restore.damaged"_qs, u"The backup is damaged: agent.db is missing"_qs);
    if (!database)
        return database.error();
    if (database->sha256 != manifest.databaseSha256 || database->size != manifest.databaseBytes)
        return Error::make(u"restore.damaged"_qs, u"The backup is damaged: agent.db does not match the manifest"_qs);
    return {};
}

Status copyFiles(const RestoreRequest &request, const QString &target, const BackupManifest &manifest)
{
    if (Status database = copyDatabase(request.source, target, manifest); !database)
        return database;
    Result<SnapshotContents> contents = [&]() -> Result<SnapshotContents> {
        Result<storage::Database> db = storage::Database::openReadOnly(target + u"/agent.db"_qs);
        if (!db)
            return db.error();
        return SnapshotContents::read(*db);
    }();
    if (!contents)
        return Error::make(u"restore.damaged"_qs, u"The backup's database cannot be read: "_qs + contents.error().message);
    const BackupFiles files(request.source, target, BackupFiles::Direction::Restore);
    if (Status blobs = files.copyBlobs(contents->blobs); !blobs)
        return blobs;
    if (Result<QList<VariantRow>> variants = files.copyVariants(contents->variants); !variants)
        return variants.error();
    if (Result<QStringList> keys = files.copyKeys(manifest.keys); !keys)
        return keys.error();
    if (Result<QStringList> certificates = files.copyCertificates(manifest.certificates); !certificates)
        return certificates.error();
    return files.copyBuildLogs(contents->buildIds);
}

// The complete data root takes the place of the old one (moved aside with
// force, removed when it was an empty directory).
Status publish(QTemporaryDir &temporary, const RestoreRequest &request)
{
    if (Status synced = LocalFile::syncFileSystem(temporary.path()); !synced)
        return synced;
    const QString root = QFileInfo(request.dataRoot).absoluteFilePath();
    if (QFileInfo(root).isDir() && !QDir().rmdir(root)) {
        const QString aside = root + u".replaced-"_qs + QString::number(request.nowMs);
        if (std::rename(QFile::encodeName(root).constData(), QFile::encodeName(aside).constData()) != 0)
            return Error::make(u"io.error"_qs, u"Cannot move "_qs + root + u" aside"_qs);
    }
    if (std::rename(QFile::encodeName(temporary.path()).constData(), QFile::encodeName(root).constData()) != 0)
        return Error::make(u"io.error"_qs, u"Cannot rename the restored data root to "_qs + root);
    temporary.setAutoRemove(false);
    return LocalFile::syncDirectory(QFileInfo(root).absolutePath());
}

} // namespace

Result<BackupManifest> BackupRestorer::restore(const RestoreRequest &request)
{
    Result<BackupManifest> manifest = readManifest(request.source);
    if (!manifest)
        return manifest.error();
    if (Status target = checkTarget(request); !target)
        return target.error();
    const QFileInfo root(request.dataRoot);
    if (!QDir().mkpath(root.absolutePath()))
        return Error::make(u"io.error"_qs, u"Cannot create "_qs + root.absolutePath());
    PartialCopies::removeLeftovers(root, u"restoring");
    QTemporaryDir temporary(PartialCopies::templateFor(root, u"restoring"));
    if (!temporary.isValid())
        return Error::make(u"io.error"_qs, u"Cannot create a directory beside "_qs + request.dataRoot);
    // The data root holds the database and the signing key: owner only.
    QFile::setPermissions(temporary.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (Status copied = copyFiles(request, temporary.path(), *manifest); !copied)
        return copied.error();
    CrashPoint::hit("restore.files_copied");
    if (Status published = publish(temporary, request); !published)
        return published.error();
    return manifest;
}

} // namespace ddd::core::backup
