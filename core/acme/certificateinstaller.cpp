// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/acme/certificateinstaller.h"

#include "core/util/crashpoint.h"
#include "core/util/localfile.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>

namespace ddd::core::acme {

namespace {

Error ioError(const QString &what)
{
    return Error::make(u"io.error"_qs, what + u": "_qs + QString::fromLocal8Bit(std::strerror(errno)));
}

} // namespace

Status CertificateInstaller::writeFile(const QString &path, const QByteArray &content, bool secret) const
{
    QFile file(path);
    // The key is created 0600 rather than narrowed after writing, so it is
    // never readable by others, not even for a moment.
    const auto mode = secret ? QFile::ReadOwner | QFile::WriteOwner
                             : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther;
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, mode) || file.write(content) != content.size()
        || !file.flush())
        return Error::make(u"io.error"_qs, u"cannot write "_qs + path + u": "_qs + file.errorString());
    file.close();
    return LocalFile::syncFile(path);
}

Status CertificateInstaller::swapInto(const QString &staged, const QString &target) const
{
    const QByteArray from = QFile::encodeName(staged);
    const QByteArray to = QFile::encodeName(target);
    if (!QFileInfo::exists(target)) {
        if (::rename(from.constData(), to.constData()) != 0)
            return ioError(u"cannot move the certificate into "_qs + target);
    } else {
        if (::renameat2(AT_FDCWD, from.constData(), AT_FDCWD, to.constData(), RENAME_EXCHANGE) != 0)
            return ioError(u"cannot replace the certificate in "_qs + target);
        QDir(staged).removeRecursively(); // now the old pair
    }
    return LocalFile::syncDirectory(m_dir);
}

Status CertificateInstaller::install(const QString &primaryDomain, const QByteArray &fullchain,
                                     const QByteArray &privateKey) const
{
    if (!QDir().mkpath(m_dir))
        return Error::make(u"io.error"_qs, u"cannot create "_qs + m_dir);
    // A leftover of an install that died half-way is only ever a staging copy.
    const QString staged = m_dir + u"/."_qs + primaryDomain + u".new"_qs;
    QDir(staged).removeRecursively();
    if (!QDir().mkdir(staged))
        return Error::make(u"io.error"_qs, u"cannot create "_qs + staged);
    Status written = writeFile(staged + u"/fullchain.pem"_qs, fullchain, false);
    if (written)
        written = writeFile(staged + u"/privkey.pem"_qs, privateKey, true);
    if (written)
        written = LocalFile::syncDirectory(staged);
    if (written)
        CrashPoint::hit("acme.pair_staged");
    if (written)
        written = swapInto(staged, directoryOf(primaryDomain));
    if (!written)
        QDir(staged).removeRecursively();
    return written;
}

Status CertificateInstaller::remove(const QString &primaryDomain) const
{
    if (primaryDomain.isEmpty() || !QDir(directoryOf(primaryDomain)).removeRecursively())
        return Error::make(u"io.error"_qs, u"cannot remove "_qs + directoryOf(primaryDomain));
    return LocalFile::syncDirectory(m_dir);
}

} // namespace ddd::core::acme
