// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QFile;

namespace ddd::core {

// The few file-system calls Qt does not offer: durability (fsync of a file
// and of a directory, so a rename survives power loss), opening a file
// without following a symlink, listing a directory by raw name bytes
// (QDir silently skips names that are not valid UTF-8) and hard links. Platform code lives
// in localfile_linux.cpp.
//
// Codes: io.error (a failed call), io.symlink (the last path component is a
// symlink), io.not_regular (a directory, FIFO, device or socket).
class LocalFile final
{
public:
    enum class NodeType { File, Directory, Symlink, Other };

    struct DirectoryEntry
    {
        QByteArray name; // as stored on disk, undecoded
        NodeType type = NodeType::Other;
        qint64 size = 0;
    };

    // Flushes the data and metadata of the file at `path` to stable storage.
    static Status syncFile(const QString &path);
    // Flushes a directory, making entries created or renamed in it durable.
    static Status syncDirectory(const QString &path);
    // Flushes everything written to the file system holding `path` (syncfs):
    // one call instead of an fsync per file when many files must be durable
    // at once.
    static Status syncFileSystem(const QString &path);
    // Opens `path` read-only into `file`, refusing a symlink in its last
    // component (O_NOFOLLOW) and anything but a regular file (checked with
    // fstat on the opened descriptor, so nothing can be swapped in between).
    static Status openRegularFile(QFile &file, const QString &path);
    // The entries of a directory (without "." and ".."), typed by lstat and
    // sorted by name bytes. The directory itself must not be a symlink.
    static Result<QList<DirectoryEntry>> listDirectory(const QString &path);
    // Makes `to` (which must not exist) a hard link to the immutable file
    // `from`, or a copy of it (mode 0644) where a link is impossible (other
    // file system, link count limit). A link costs no data I/O: the way to
    // lay out a thousand blobs as a tree to read.
    static Status linkOrCopy(const QString &from, const QString &to);
};

} // namespace ddd::core
