// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArrayView>
#include <QString>

#include <memory>

class QFile;

namespace ddd::core::blobs {

// A blob arriving in pieces over the incremental upload protocol, kept under
// staging/partial/<hash> so an interrupted upload resumes at size(). Opened
// by BlobStore::openPartial(), finished by BlobStore::completePartial().
//
// Code: blob.too_large when an append would pass the size the client
// announced for this blob.
class PartialBlob final
{
public:
    static Result<PartialBlob> open(const QString &path, qint64 maxBytes);

    PartialBlob(PartialBlob &&other) noexcept;
    PartialBlob &operator=(PartialBlob &&other) noexcept;
    ~PartialBlob();

    // Bytes received so far: where the client continues.
    qint64 size() const { return m_size; }
    Status append(QByteArrayView data);

private:
    PartialBlob(std::unique_ptr<QFile> file, qint64 size, qint64 maxBytes);

    std::unique_ptr<QFile> m_file;
    qint64 m_size;
    qint64 m_maxBytes;
};

} // namespace ddd::core::blobs
