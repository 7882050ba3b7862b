// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

namespace ddd::core::storage {

class Database;

// versions.unique_bytes: what deleting a version would free (the bytes of
// the blobs no other version references), kept up to date when versions are
// inserted and removed so reading it is one row, not a scan of the
// version's files against every other version's (which made each activation
// answer O(files)). A blob's owners change only when a version naming it
// comes or goes, so the upkeep is O(files of that version), inside the same
// transaction: a blob newly shared takes its bytes from the one version that
// had it alone; a blob left to one version gives them to it. NULL means not
// known (rows from before the column, or after a project's versions went by
// cascade): computed on the next read and stored.
class UniqueBytes final
{
public:
    // After the version's files are inserted.
    static Status afterInsert(Database &db, qint64 versionId);
    // Before the version's row (and by cascade its files) is deleted.
    static Status beforeRemove(Database &db, qint64 versionId);
    static Result<qint64> read(Database &db, qint64 versionId);
    // Every value recomputed on its next read (after deletes this class did
    // not see, such as a project's versions going with the project).
    static Status forgetAll(Database &db);

private:
    enum class Change { Inserted, Removing };
    static Status apply(Database &db, qint64 versionId, Change change);
    static Result<qint64> compute(Database &db, qint64 versionId);
};

} // namespace ddd::core::storage
