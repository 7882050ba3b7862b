// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/sweeplock.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <utility>

namespace ddd::core::blobs {

namespace {

Result<int> openLockFile(const QString &dataRoot, bool reader = false)
{
    const QByteArray file = QFile::encodeName(SweepLock::path(dataRoot));
    int fd = ::open(file.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    // A reader (backup, check) of a data root on a read-only file system:
    // flock works on a read-only descriptor, and nothing can sweep there, so
    // the backup an operator wants most at that moment still runs.
    if (fd < 0 && reader && errno == EROFS)
        fd = ::open(file.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return Error::make(u"io.error"_qs, u"Cannot open "_qs + SweepLock::path(dataRoot) + u": "_qs
                                               + QString::fromLocal8Bit(std::strerror(errno)));
    return fd;
}

} // namespace

SweepLock::SweepLock(SweepLock &&other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}

SweepLock::~SweepLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the flock
}

QString SweepLock::path(const QString &dataRoot)
{
    return dataRoot + u"/sweep.lock"_qs;
}

Result<SweepLock> SweepLock::read(const QString &dataRoot)
{
    Result<int> fd = openLockFile(dataRoot, true);
    if (!fd)
        return fd.error();
    int rc = 0;
    while ((rc = ::flock(*fd, LOCK_SH)) != 0 && errno == EINTR) {
    }
    if (rc != 0) {
        ::close(*fd);
        return Error::make(u"io.error"_qs, u"Cannot lock "_qs + path(dataRoot));
    }
    return SweepLock(*fd);
}

Result<SweepLock> SweepLock::trySweep(const QString &dataRoot)
{
    Result<int> fd = openLockFile(dataRoot);
    if (!fd)
        return fd.error();
    if (::flock(*fd, LOCK_EX | LOCK_NB) == 0)
        return SweepLock(*fd);
    const int error = errno;
    ::close(*fd);
    if (error == EWOULDBLOCK)
        return SweepLock(-1);
    return Error::make(u"io.error"_qs, u"Cannot lock "_qs + path(dataRoot));
}

} // namespace ddd::core::blobs
