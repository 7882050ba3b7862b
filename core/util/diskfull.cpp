// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/diskfull.h"

#include <QFileDevice>

#include <cerrno>
#include <cstring>

namespace ddd::core {

bool DiskFull::isDiskFull(int errnoValue)
{
    return errnoValue == ENOSPC || errnoValue == EDQUOT;
}

bool DiskFull::isReadOnly(int errnoValue)
{
    return errnoValue == EROFS;
}

QString DiskFull::codeFor(int errnoValue)
{
    if (isDiskFull(errnoValue))
        return u"storage.disk_full"_qs;
    if (isReadOnly(errnoValue))
        return u"storage.read_only"_qs;
    return u"io.error"_qs;
}

Error DiskFull::fromErrno(int errnoValue, const QString &what)
{
    const QString reason = QString::fromLocal8Bit(std::strerror(errnoValue));
    return Error::make(codeFor(errnoValue), what + u": "_qs + reason);
}

Error DiskFull::writeError(const QFileDevice &file, const QString &what)
{
    const int error = errno;
    const QString text = file.errorString();
    for (int fault : {ENOSPC, EDQUOT, EROFS})
        if (error == fault || text == QString::fromLocal8Bit(std::strerror(fault)))
            return Error::make(codeFor(fault), what + u": "_qs + text);
    return Error::make(u"io.error"_qs, what + u": "_qs + text);
}

} // namespace ddd::core
