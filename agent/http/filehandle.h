// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QString>

#include <memory>

namespace ddd::agent::http {

// An open, checked, read-only file descriptor, shared by a cache that keeps
// it open and the responses streaming from it; closed when the last owner
// lets go. Readers always pass explicit offsets (pread, sendfile), never the
// shared file position, so any number of connections stream from one at once.
class FileHandle final
{
public:
    // Takes ownership of `fd`; `identity` tells two files apart (device and inode).
    struct Identity
    {
        quint64 device = 0;
        quint64 inode = 0;
        bool operator==(const Identity &) const = default;
    };

    FileHandle(int fd, qint64 size, Identity identity);
    FileHandle(const FileHandle &) = delete;
    FileHandle &operator=(const FileHandle &) = delete;
    ~FileHandle();

    int fd() const { return m_fd; }
    qint64 size() const { return m_size; }
    Identity identity() const { return m_identity; }

    // Opens `path` to serve it: never through a symlink, never blocking on a
    // FIFO, only a regular file. Fails with `internal` (a handler named a
    // file that is not one) or `http.out_of_descriptors` (EMFILE, ENFILE).
    static core::Result<std::shared_ptr<const FileHandle>> openRegular(const QString &path);

private:
    int m_fd;
    qint64 m_size;
    Identity m_identity;
};

} // namespace ddd::agent::http
