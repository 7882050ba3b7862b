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
    // Takes ownership of `fd`, a file of `size` bytes.
    FileHandle(int fd, qint64 size);
    FileHandle(const FileHandle &) = delete;
    FileHandle &operator=(const FileHandle &) = delete;
    ~FileHandle();

    int fd() const { return m_fd; }
    qint64 size() const { return m_size; }

    // Opens `path` to serve it: never through a symlink, never blocking on a
    // FIFO, only a regular file. Fails with `internal` (a handler named a
    // file that is not one) or `http.out_of_descriptors` (EMFILE, ENFILE).
    static core::Result<std::shared_ptr<const FileHandle>> openRegular(const QString &path);

private:
    int m_fd;
    qint64 m_size;
};

} // namespace ddd::agent::http
