// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/blobvariant.h"
#include "core/util/result.h"

#include <QString>

#include <optional>

namespace ddd::core::blobs {

// Streams one file through brotli or gzip into another, a chunk at a time,
// so a large blob never sits in memory. The output only grows, so once it
// reaches `limit` bytes the copy cannot be worth keeping and the work stops
// there: incompressible blobs (images, archives) cost little.
class FileCompressor final
{
public:
    // The compressed size, or nullopt when the output reached `limit`
    // (the target is then incomplete and the caller deletes it).
    static Result<std::optional<qint64>> compress(const QString &source, const QString &target, ContentCoding coding,
                                                  qint64 limit);
    // Brotli's quality for a blob of `size` bytes. 11 is the densest but
    // runs at about 1 MB/s; larger blobs step down so a big deploy stays
    // quick (measured in docs/performance.md).
    static int brotliQuality(qint64 size);
};

} // namespace ddd::core::blobs
