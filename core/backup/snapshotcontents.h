// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/blobvariant.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace ddd::core::storage {
class Database;
}

namespace ddd::core::backup {

// A variant row of blob_variants that names a file (size not NULL).
struct VariantRow final
{
    QByteArray sha256;
    blobs::ContentCoding coding = blobs::ContentCoding::Brotli;
    qint64 size = 0;
};

// What a database (a backup's snapshot, or the live one for `check`) says
// the rest of the data root must hold: every blob a version or a source
// references with its size, the variant files, the build logs.
class SnapshotContents final
{
public:
    static Result<SnapshotContents> read(storage::Database &db);

    QHash<QByteArray, qint64> blobs; // sha256 -> size
    QList<QByteArray> sizeConflicts; // referenced with different sizes
    QList<VariantRow> variants;
    QList<qint64> buildIds;
    QMap<QString, qint64> counts; // table -> rows, for the manifest and summaries
    int schemaVersion = 0;
    qint64 blobBytes() const;
};

} // namespace ddd::core::backup
