// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/jwtkeyfile.h"

#include "core/auth/securerandom.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ddd::core::auth {

namespace {

Error ioError(const QString &what, const QString &path)
{
    return Error::make(u"auth.key_io"_qs, what + u": "_qs + path,
                       {{u"path"_qs, path}, {u"errno"_qs, QString::fromUtf8(std::strerror(errno))}});
}

Error invalidKey(const QString &reason, const QString &path)
{
    return Error::make(u"auth.key_invalid"_qs, u"the token signing key file is unusable: "_qs + reason,
                       {{u"path"_qs, path}});
}

// Closes a POSIX descriptor on every return path.
struct FileDescriptor final
{
    int fd;
    ~FileDescriptor()
    {
        if (fd >= 0)
            ::close(fd);
    }
};

Status ensurePrivateDir(const QString &dir)
{
    const QByteArray native = QFile::encodeName(dir);
    if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST)
        return ioError(u"cannot create the keys directory"_qs, dir);
    struct stat info {};
    if (::lstat(native.constData(), &info) != 0 || !S_ISDIR(info.st_mode))
        return ioError(u"the keys path is not a directory"_qs, dir);
    // mkdir's mode is filtered by the umask; chmod makes it exactly 0700.
    if ((info.st_mode & 07777) != 0700 && ::chmod(native.constData(), 0700) != 0)
        return ioError(u"cannot restrict the keys directory to its owner"_qs, dir);
    return {};
}

Status syncDir(const QString &dir)
{
    const FileDescriptor handle{::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
    if (handle.fd < 0 || ::fsync(handle.fd) != 0)
        return ioError(u"cannot sync the keys directory"_qs, dir);
    return {};
}

Status writeNewFile(const QString &path, const QByteArray &content)
{
    const QByteArray native = QFile::encodeName(path);
    const FileDescriptor handle{::open(native.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600)};
    if (handle.fd < 0 || ::fchmod(handle.fd, 0600) != 0)
        return ioError(u"cannot create the key file"_qs, path);
    if (::write(handle.fd, content.constData(), size_t(content.size())) != content.size() || ::fsync(handle.fd) != 0)
        return ioError(u"cannot write the key file"_qs, path);
    return {};
}

Result<QByteArray> readKey(const QString &path, int fd)
{
    struct stat info {};
    if (::fstat(fd, &info) != 0)
        return ioError(u"cannot inspect the key file"_qs, path);
    if (!S_ISREG(info.st_mode))
        return invalidKey(u"not a regular file"_qs, path);
    if ((info.st_mode & 077) != 0)
        return Error::make(u"auth.key_permissions"_qs,
                           u"the token signing key file must be readable by its owner only (chmod 600)"_qs,
                           {{u"path"_qs, path}});
    if (info.st_size < JwtKeyFile::kKeyBytes || info.st_size > JwtKeyFile::kMaxKeyBytes)
        return invalidKey(QStringLiteral("it must hold %1 to %2 bytes").arg(JwtKeyFile::kKeyBytes).arg(JwtKeyFile::kMaxKeyBytes),
                          path);
    QByteArray key(qsizetype(info.st_size), Qt::Uninitialized);
    if (::read(fd, key.data(), size_t(key.size())) != key.size())
        return ioError(u"cannot read the key file"_qs, path);
    return key;
}

Result<QByteArray> readExistingKey(const QString &path)
{
    const FileDescriptor handle{::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)};
    if (handle.fd < 0)
        return ioError(u"cannot open the key file"_qs, path);
    return readKey(path, handle.fd);
}

// Written under a temporary name and published with link(), which refuses to
// replace an existing file: a crash never leaves a truncated key behind, and
// two processes starting at once end up with the same key.
Result<QByteArray> createKey(const QString &dir, const QString &path)
{
    Result<QByteArray> key = SecureRandom::bytes(JwtKeyFile::kKeyBytes);
    if (!key)
        return key.error();
    const QString temporary = path + u".tmp"_qs;
    if (Status written = writeNewFile(temporary, *key); !written)
        return written.error();
    const bool linked = ::link(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) == 0;
    const int linkErrno = errno;
    ::unlink(QFile::encodeName(temporary).constData());
    if (!linked) {
        errno = linkErrno;
        if (linkErrno == EEXIST) // another process won the race: use its key
            return readExistingKey(path);
        return ioError(u"cannot publish the key file"_qs, path);
    }
    if (Status synced = syncDir(dir); !synced)
        return synced.error();
    return key;
}

} // namespace

QString JwtKeyFile::keysDir(const QString &dataDir)
{
    return dataDir + u"/keys"_qs;
}

QString JwtKeyFile::keyPath(const QString &dataDir)
{
    return keysDir(dataDir) + u"/jwt.key"_qs;
}

Result<QByteArray> JwtKeyFile::loadOrCreate(const QString &dataDir)
{
    const QString dir = keysDir(dataDir);
    const QString path = keyPath(dataDir);
    if (Status ready = ensurePrivateDir(dir); !ready)
        return ready.error();
    struct stat info {};
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0 && errno == ENOENT)
        return createKey(dir, path);
    return readExistingKey(path);
}

} // namespace ddd::core::auth
