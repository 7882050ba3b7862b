// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/upload/uploadsink.h"

#include <QFile>

namespace ddd::core::upload {

namespace {
constexpr qint64 CopySliceBytes = 1 << 20;
} // namespace

Status UploadSink::takeFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(u"io.error"_qs, u"Cannot read "_qs + path + u": "_qs + file.errorString());
    while (!file.atEnd()) {
        const QByteArray slice = file.read(CopySliceBytes);
        if (slice.isEmpty() && file.error() != QFileDevice::NoError)
            return Error::make(u"io.error"_qs, u"Cannot read "_qs + path + u": "_qs + file.errorString());
        if (Status written = write(slice); !written)
            return written;
    }
    file.close();
    QFile::remove(path);
    return {};
}

} // namespace ddd::core::upload
