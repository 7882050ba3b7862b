// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backup/backupmanifest.h"
#include "core/util/result.h"

#include <QString>

namespace ddd::core::backup {

struct RestoreRequest final
{
    QString source;   // a directory written by BackupWriter
    QString dataRoot; // absent or empty, unless force
    bool force = false;
    qint64 nowMs = 0;
};

// `ddd-agent restore SRC`: turns a backup back into a data root. Everything
// is checked while it is copied (the database against the manifest's
// SHA-256, every blob against its name and the snapshot's size, every key
// the manifest lists) into a hidden sibling of the data root, which is
// renamed into place only when complete: a refused, failed or killed
// restore leaves the data root as it was (the next restore removes what a
// killed one left beside it, see PartialCopies). With force a non-empty
// data root is not deleted but moved aside to <root>.replaced-<ms>. Version
// indexes are not part of a backup; the agent rebuilds them at start-up.
//
// Codes: restore.not_a_backup (no manifest.json), restore.damaged,
// restore.format_too_new, restore.schema_too_new, restore.not_empty,
// io.error, storage.error.
class BackupRestorer final
{
public:
    static Result<BackupManifest> restore(const RestoreRequest &request);
};

} // namespace ddd::core::backup
