// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/backup/hashedfile.h"

#include "core/blobs/sha256.h"
#include "core/util/diskfull.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace ddd::core::backup {

namespace {

constexpr qint64 kChunk = 1 << 20;

// A descriptor closed on every return path.
class Descriptor final
{
public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

Error ioError(const QString &what, const QString &path)
{
    // A full or read-only destination says so: the operator frees space or
    // picks another disk rather than suspecting the data root.
    const int error = errno;
    return Error::make(DiskFull::codeFor(error), what + u' ' + path + u": "_qs + QString::fromLocal8Bit(std::strerror(error)),
                       {{u"path"_qs, path}});
}

Result<int> openSource(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd >= 0)
        return fd;
    if (errno == ENOENT)
        return Error::make(u"blob.not_found"_qs, u"No file "_qs + path, {{u"path"_qs, path}});
    return ioError(u"Cannot read"_qs, path);
}

bool writeAll(int fd, const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size_t(size));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        data += written;
        size -= written;
    }
    return true;
}

// Reads `in` to its end, hashing, and writes every chunk to `out` when >= 0.
Result<HashedFile> stream(int in, int out, const QString &from, const QString &to)
{
    QByteArray buffer(kChunk, Qt::Uninitialized);
    blobs::Sha256 hash;
    HashedFile result;
    for (;;) {
        const ssize_t got = ::read(in, buffer.data(), size_t(buffer.size()));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return ioError(u"Cannot read"_qs, from);
        if (got == 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), got));
        result.size += got;
        if (out >= 0 && !writeAll(out, buffer.constData(), got))
            return ioError(u"Cannot write"_qs, to);
    }
    result.sha256 = hash.hexResult();
    return result;
}

} // namespace

Result<HashedFile> HashedFile::read(const QString &path)
{
    Result<int> fd = openSource(path);
    if (!fd)
        return fd.error();
    Descriptor in(*fd);
    ::posix_fadvise(in.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
    return stream(in.get(), -1, path, {});
}

Result<HashedFile> HashedFile::copy(const QString &from, const QString &to, bool secret)
{
    Result<int> fd = openSource(from);
    if (!fd)
        return fd.error();
    Descriptor in(*fd);
    Descriptor out(::open(QFile::encodeName(to).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
                          secret ? 0600 : 0644));
    if (out.get() < 0)
        return ioError(u"Cannot create"_qs, to);
    Result<HashedFile> copied = stream(in.get(), out.get(), from, to);
    if (::close(out.release()) != 0 && copied)
        return ioError(u"Cannot write"_qs, to);
    return copied;
}

} // namespace ddd::core::backup
