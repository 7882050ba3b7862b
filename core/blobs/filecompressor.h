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
    // `brotliQuality` (0..11) is ignored for gzip, which always uses level 9.
    static Result<std::optional<qint64>> compress(const QString &source, const QString &target, ContentCoding coding,
                                                  qint64 limit, int brotliQuality);
};

} // namespace ddd::core::blobs
