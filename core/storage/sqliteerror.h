// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/error.h"

struct sqlite3;

namespace ddd::core::storage {

// One place that turns an SQLite result into a stable code, so a fault of
// the disk under the database reaches the client as what it is rather than
// a generic 500: SQLITE_FULL `storage.disk_full` (free space), a read-only
// file system `storage.read_only` (SQLITE_READONLY, or an I/O error whose
// errno is EROFS: the kernel remounted the data root), SQLITE_BUSY/LOCKED
// past the busy timeout `storage.busy` (retry), any other I/O error
// `storage.io_error`, a constraint `storage.constraint`.
class SqliteError final
{
public:
    static QString code(int resultCode, int systemErrno);
    // The code of the last failure on `db`, with its message.
    static Error fromDatabase(sqlite3 *db, int resultCode, const QString &message);
};

} // namespace ddd::core::storage
