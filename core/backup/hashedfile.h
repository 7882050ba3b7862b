// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

namespace ddd::core::backup {

// Streams a file once, in fixed-size chunks, computing its SHA-256 and size
// on the way: what backup, restore and check need to prove a blob is the
// content its name says, without holding it in memory.
class HashedFile final
{
public:
    QByteArray sha256; // lower-case hex
    qint64 size = 0;

    // blob.not_found when `path` does not exist, io.error otherwise.
    static Result<HashedFile> read(const QString &path);
    // Copies `from` to the new file `to` (mode 0644, or 0600 when `secret`),
    // refusing to replace an existing one. Not fsynced: callers sync the
    // whole file system once (LocalFile::syncFileSystem).
    static Result<HashedFile> copy(const QString &from, const QString &to, bool secret = false);
};

} // namespace ddd::core::backup
