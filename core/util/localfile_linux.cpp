// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/localfile.h"

#include "core/util/diskfull.h"

#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ddd::core {

namespace {

Error ioError(const QString &what, const QString &path, int error)
{
    // fsync reports a write-back that found no space; a read-only remount
    // shows as EROFS: both are named (storage.disk_full, storage.read_only).
    if (DiskFull::isDiskFull(error) || DiskFull::isReadOnly(error))
        return DiskFull::fromErrno(error, QStringLiteral("Cannot %1 %2").arg(what, path));
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

LocalFile::NodeType nodeType(mode_t mode)
{
    if (S_ISREG(mode))
        return LocalFile::NodeType::File;
    if (S_ISDIR(mode))
        return LocalFile::NodeType::Directory;
    if (S_ISLNK(mode))
        return LocalFile::NodeType::Symlink;
    return LocalFile::NodeType::Other;
}

Result<QList<LocalFile::DirectoryEntry>> readEntries(DIR *directory, const QString &path)
{
    QList<LocalFile::DirectoryEntry> entries;
    for (;;) {
        errno = 0;
        const struct dirent *entry = ::readdir(directory);
        if (!entry)
            break;
        const QByteArray name(entry->d_name);
        if (name == "." || name == "..")
            continue;
        struct stat info = {};
        if (::fstatat(::dirfd(directory), entry->d_name, &info, AT_SYMLINK_NOFOLLOW) != 0) {
            const int error = errno;
            return ioError(u"inspect an entry of"_qs, path, error);
        }
        entries.append({name, nodeType(info.st_mode), qint64(info.st_size)});
    }
    if (const int error = errno; error != 0)
        return ioError(u"list"_qs, path, error);
    std::sort(entries.begin(), entries.end(),
              [](const LocalFile::DirectoryEntry &a, const LocalFile::DirectoryEntry &b) { return a.name < b.name; });
    return entries;
}

Status copyFile(const QString &from, const QString &to)
{
    const int in = ::open(QFile::encodeName(from).constData(), O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return ioError(u"open"_qs, from, errno);
    const int out = ::open(QFile::encodeName(to).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (out < 0) {
        const int error = errno;
        ::close(in);
        return ioError(u"create"_qs, to, error);
    }
    // sendfile copies in the kernel across file systems (copy_file_range
    // says EXDEV there on current kernels).
    ssize_t copied = 0;
    while ((copied = ::sendfile(out, in, nullptr, 1 << 30)) > 0) {
    }
    const int error = errno;
    ::close(in);
    ::close(out);
    if (copied < 0) {
        ::unlink(QFile::encodeName(to).constData()); // no half-copied file left behind
        return ioError(u"copy to"_qs, to, error);
    }
    return {};
}

} // namespace

Status LocalFile::linkOrCopy(const QString &from, const QString &to)
{
    if (::link(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0)
        return {};
    if (errno != EXDEV && errno != EMLINK && errno != EPERM)
        return ioError(u"link"_qs, to, errno);
    return copyFile(from, to);
}

Status LocalFile::syncFile(const QString &path)
{
    return syncPath(path, O_RDONLY, u"sync"_qs);
}

Status LocalFile::syncDirectory(const QString &path)
{
    return syncPath(path, O_RDONLY | O_DIRECTORY, u"sync directory"_qs);
}

Status LocalFile::syncFileSystem(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return ioError(u"open"_qs, path, errno);
    const int rc = ::syncfs(fd);
    const int error = errno;
    ::close(fd);
    if (rc != 0)
        return ioError(u"sync the file system of"_qs, path, error);
    return {};
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

Result<QList<LocalFile::DirectoryEntry>> LocalFile::listDirectory(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return ioError(u"open directory"_qs, path, errno);
    DIR *directory = ::fdopendir(fd);
    if (!directory) {
        const int error = errno;
        ::close(fd);
        return ioError(u"list"_qs, path, error);
    }
    Result<QList<DirectoryEntry>> entries = readEntries(directory, path);
    ::closedir(directory); // closes fd as well
    return entries;
}

} // namespace ddd::core
