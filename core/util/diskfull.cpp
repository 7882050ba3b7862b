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

Error DiskFull::fromErrno(int errnoValue, const QString &what)
{
    const QString reason = QString::fromLocal8Bit(std::strerror(errnoValue));
    if (isDiskFull(errnoValue))
        return Error::make(u"storage.disk_full"_qs, what + u": "_qs + reason);
    return Error::make(u"io.error"_qs, what + u": "_qs + reason);
}

Error DiskFull::writeError(const QFileDevice &file, const QString &what)
{
    const int error = errno;
    const QString text = file.errorString();
    for (int full : {ENOSPC, EDQUOT})
        if (error == full || text == QString::fromLocal8Bit(std::strerror(full)))
            return Error::make(u"storage.disk_full"_qs, what + u": "_qs + text);
    return Error::make(u"io.error"_qs, what + u": "_qs + text);
}

} // namespace ddd::core
