// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backup/backupmanifest.h"
#include "core/util/result.h"

#include <QString>

namespace ddd::core::blobs {
class ObjectStore;
}

namespace ddd::core::backup {

struct BackupRequest final
{
    QString dataRoot;
    QString destination; // must not exist yet
    QString configFile;  // copied as config.toml when set
    QString agentVersion;
    qint64 nowMs = 0;
    // With blobs.s3.*: a blob the data root lacks (evicted from a size-capped
    // cache) is copied from here into the backup, checked by its hash.
    blobs::ObjectStore *sharedBlobs = nullptr;
};

// `ddd-agent backup DEST`: a consistent copy of a data root while the agent
// serves and accepts uploads (docs/operations.md). Under the SweepLock it
// snapshots the database with the SQLite backup API, then copies every blob
// the snapshot references (hashing each on the way) and the variant files it
// lists; then the signing keys, the build logs of the snapshot's builds and
// the configuration file. Everything is written into a hidden sibling of
// DEST and renamed into place with its manifest, so DEST is complete or
// absent. Upload sessions are dropped from the copy: their blobs are not
// part of any version, so clients start those uploads again.
//
// Codes: backup.destination_exists, backup.no_database, backup.blob_missing,
// backup.blob_corrupt (the live store is damaged: run `ddd-agent check`),
// storage.error, io.error.
class BackupWriter final
{
public:
    static Result<BackupManifest> write(const BackupRequest &request);
};

} // namespace ddd::core::backup
