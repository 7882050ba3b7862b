// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace ddd::agent::http {

// An open, checked, read-only file descriptor, shared by a cache that keeps
// it open and the responses streaming from it; closed when the last owner
// lets go. Readers always pass explicit offsets (pread, sendfile), never the
// shared file position, so any number of connections stream from one at once.
// A small file may also be held in memory (readWhole), so that answering it
// costs no system call at all: on a virtual machine each one is dear.
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

    // Reads the whole file into memory, before the handle is shared. False
    // when the file gave fewer bytes than its size (it shrank).
    bool readWhole();
    // The file's bytes when readWhole() succeeded, else null.
    const char *memory() const { return m_memory.isNull() ? nullptr : m_memory.constData(); }
    // Up to `length` bytes at `offset` into `into`: copied from memory when
    // held, else pread(2). The count read, 0 at the end, -1 on failure.
    qint64 read(char *into, qint64 length, qint64 offset) const;

    // Opens `path` to serve it: never through a symlink, never blocking on a
    // FIFO, only a regular file. Fails with `internal` (a handler named a
    // file that is not one) or `http.out_of_descriptors` (EMFILE, ENFILE).
    static core::Result<std::shared_ptr<const FileHandle>> openRegular(const QString &path);

private:
    int m_fd;
    qint64 m_size;
    QByteArray m_memory; // null unless readWhole() succeeded
};

} // namespace ddd::agent::http
