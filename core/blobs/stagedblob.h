// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QString>

namespace ddd::core::blobs {

// A finished blob waiting in a staging directory for BlobStore::commit().
struct StagedBlob final
{
    QString path;      // the staging file
    QByteArray sha256; // hex digest of its content
    qint64 size = 0;
};

} // namespace ddd::core::blobs
