// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/blobprobe.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ddd::agent::site {

namespace {

// Closes the descriptor it holds; -1 holds nothing.
struct Descriptor
{
    explicit Descriptor(int fd) : fd(fd) {}
    Descriptor(const Descriptor &) = delete;
    ~Descriptor()
    {
        if (fd >= 0)
            ::close(fd);
    }
    int fd;
};

core::Error openFailure(const QString &path, int error)
{
    const QString reason = u"cannot open "_qs + path + u": "_qs + QString::fromLocal8Bit(std::strerror(error));
    switch (error) {
    case ENOENT:
        return core::Error::make(u"site.blob_missing"_qs, reason);
    case ELOOP:   // a symlink met with O_NOFOLLOW
    case ENOTDIR: // a shard that is not a directory
        return core::Error::make(u"site.blob_not_regular"_qs, reason);
    case EMFILE:
    case ENFILE:
        return core::Error::make(u"site.out_of_descriptors"_qs, reason);
    default:
        return core::Error::make(u"site.blob_unreadable"_qs, reason);
    }
}

core::Status checkOpened(int fd, const QString &path, qint64 expectedSize, struct stat &info)
{
    if (::fstat(fd, &info) != 0)
        return core::Error::make(u"site.blob_unreadable"_qs, u"cannot stat "_qs + path);
    if (!S_ISREG(info.st_mode))
        return core::Error::make(u"site.blob_not_regular"_qs, path + u" is not a regular file"_qs);
    if (qint64(info.st_size) != expectedSize)
        return core::Error::make(u"site.blob_size_mismatch"_qs, u"%1 holds %2 bytes, the manifest says %3"_qs.arg(
                                                                    path, QString::number(info.st_size), QString::number(expectedSize)));
    return {};
}

} // namespace

core::Status BlobProbe::check(const QString &path, qint64 expectedSize)
{
    const auto opened = open(path, expectedSize);
    if (!opened)
        return opened.error();
    return {};
}

core::Result<std::shared_ptr<const http::FileHandle>> BlobProbe::open(const QString &path, qint64 expectedSize,
                                                                      qint64 holdInMemoryUpTo)
{
    // The shard directory is opened without following a symlink, then the
    // blob relative to it: neither can be a link. Directories above the
    // shard are the operator's choice (the data root may be a symlink).
    const QFileInfo info(path);
    const Descriptor shard(::open(QFile::encodeName(info.path()).constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (shard.fd < 0)
        return openFailure(path, errno);
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
    // writer and hold a thread forever. (On a regular file it changes nothing.)
    const QByteArray name = QFile::encodeName(info.fileName());
    Descriptor blob(::openat(shard.fd, name.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (blob.fd < 0)
        return openFailure(path, errno);
    struct stat status = {};
    if (const core::Status checked = checkOpened(blob.fd, path, expectedSize, status); !checked)
        return checked.error();
    auto file = std::make_shared<http::FileHandle>(std::exchange(blob.fd, -1), qint64(status.st_size));
    if (file->size() <= holdInMemoryUpTo && !file->readWhole())
        return core::Error::make(u"site.blob_unreadable"_qs, u"cannot read "_qs + path + u" whole"_qs);
    return std::shared_ptr<const http::FileHandle>(std::move(file));
}

} // namespace ddd::agent::site
