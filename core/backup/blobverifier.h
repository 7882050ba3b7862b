// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/backup/checkreport.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace ddd::core::backup {

// Proves that every blob exists under blobs/, has the size the database
// records and hashes to its name. Files are streamed (constant memory) on a
// few threads, since a large store is bound by hashing, not by the disk.
class BlobVerifier final
{
public:
    // Problems (check.blob_missing, check.blob_size, check.blob_corrupt)
    // with details.sha256 set, in no particular order.
    static QList<CheckProblem> verify(const QString &dataRoot, const QHash<QByteArray, qint64> &blobs, int threads);
};

} // namespace ddd::core::backup
