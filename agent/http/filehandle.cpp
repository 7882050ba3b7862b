// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/filehandle.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ddd::agent::http {

FileHandle::FileHandle(int fd, qint64 size) : m_fd(fd), m_size(size)
{
}

bool FileHandle::readWhole()
{
    QByteArray bytes(m_size, Qt::Uninitialized);
    for (qint64 done = 0; done < m_size;) {
        const ssize_t got = ::pread(m_fd, bytes.data() + done, std::size_t(m_size - done), off_t(done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return false;
        done += got;
    }
    m_memory = std::move(bytes);
    return true;
}

qint64 FileHandle::read(char *into, qint64 length, qint64 offset) const
{
    if (m_memory.isNull())
        return qint64(::pread(m_fd, into, std::size_t(length), off_t(offset)));
    const qint64 count = std::clamp<qint64>(m_size - offset, 0, length);
    std::memcpy(into, m_memory.constData() + offset, std::size_t(count));
    return count;
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
