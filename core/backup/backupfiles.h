// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backup/hashedfile.h"
#include "core/backup/snapshotcontents.h"
#include "core/util/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace ddd::core::blobs {
class ObjectStore;
}

namespace ddd::core::backup {

// Copies the files of a data root layout (blobs/, keys/, builds/) from one
// root to another, checking every blob against its name and size on the way.
// Backup copies from the live data root into the new backup, restore from
// the backup into the new data root; they differ in what a bad file means.
class BackupFiles final
{
public:
    enum class Direction { Backup, Restore };

    // `shared`: where a blob `from` lacks is fetched from (may be null).
    BackupFiles(QString from, QString to, Direction direction, blobs::ObjectStore *shared = nullptr);

    // Backup: backup.blob_missing, backup.blob_corrupt. Restore: restore.damaged.
    Status copyBlobs(const QHash<QByteArray, qint64> &blobs) const;
    // Backup answers the variants that were gone (garbage collected with
    // their blob, or never written); restore refuses them (restore.damaged).
    Result<QList<VariantRow>> copyVariants(const QList<VariantRow> &variants) const;
    // Every file of keys/ (backup) or the named ones (restore), owner-only.
    Result<QStringList> copyKeys(const QStringList &names = {}) const;
    // Every file under the data root's `certificates/` and `acme/status/`
    // (backup; hidden folders, an install in progress, left out) or the
    // named ones (restore), as paths relative to the root, owner-only: a
    // restored agent serves its certificates and does not order them again
    // (a CA's rate limits count duplicates).
    Result<QStringList> copyCertificates(const QStringList &names = {}) const;
    // The log files of these builds that an agent from before schema step 21
    // left and the agent has not yet moved into the database (it does at
    // start-up); newer logs are rows of the database.
    Status copyBuildLogs(const QList<qint64> &buildIds) const;
    Status copyFile(const QString &from, const QString &to, bool secret) const;

private:
    Error damaged(const QString &code, const QString &message, const QByteArray &sha256) const;
    Status makeShards() const;
    Result<HashedFile> copyBlob(const QByteArray &sha256) const;

    QString m_from;
    QString m_to;
    Direction m_direction;
    blobs::ObjectStore *m_shared;
};

} // namespace ddd::core::backup
