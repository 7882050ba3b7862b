// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/filehandle.h"

#include <QFile>

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ddd::agent::http {

FileHandle::FileHandle(int fd, qint64 size) : m_fd(fd), m_size(size)
{
}

FileHandle::~FileHandle()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

core::Result<std::shared_ptr<const FileHandle>> FileHandle::openRegular(const QString &path)
{
    // Served files are agent-owned regular files: never follow a symlink or
    // block on a FIFO that took a checked file's place since the handler looked.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0 && (errno == EMFILE || errno == ENFILE))
        return core::Error::make(u"http.out_of_descriptors"_qs, u"no file descriptor left to open a response file"_qs);
    struct stat info {};
    if (fd < 0 || ::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        if (fd >= 0)
            ::close(fd);
        return core::Error::make(u"internal"_qs, u"response file unreadable: not a regular file"_qs);
    }
    return std::make_shared<const FileHandle>(fd, qint64(info.st_size));
}

} // namespace ddd::agent::http
