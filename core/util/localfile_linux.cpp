// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/localfile.h"

#include <QFile>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ddd::core {

namespace {

Error ioError(const QString &what, const QString &path, int error)
{
    return Error::make(u"io.error"_qs,
                       QStringLiteral("Cannot %1 %2: %3").arg(what, path, QString::fromLocal8Bit(std::strerror(error))));
}

Status syncPath(const QString &path, int flags, const QString &what)
{
    const int fd = ::open(QFile::encodeName(path).constData(), flags | O_CLOEXEC);
    if (fd < 0)
        return ioError(u"open"_qs, path, errno);
    const int rc = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (rc != 0)
        return ioError(what, path, error);
    return {};
}

} // namespace

Status LocalFile::syncFile(const QString &path)
{
    return syncPath(path, O_RDONLY, u"sync"_qs);
}

Status LocalFile::syncDirectory(const QString &path)
{
    return syncPath(path, O_RDONLY | O_DIRECTORY, u"sync directory"_qs);
}

Status LocalFile::openRegularFile(QFile &file, const QString &path)
{
    // O_NONBLOCK: opening a FIFO must not wait for a writer.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ELOOP)
            return Error::make(u"io.symlink"_qs, path + u" is a symbolic link"_qs);
        return ioError(u"open"_qs, path, errno);
    }
    struct stat info = {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        return Error::make(u"io.not_regular"_qs, path + u" is not a regular file"_qs);
    }
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return Error::make(u"io.error"_qs, u"Cannot read "_qs + path);
    }
    return {};
}

} // namespace ddd::core
