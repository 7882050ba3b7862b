// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/filehandle.h"
#include "core/util/result.h"

#include <QString>

namespace ddd::agent::site {

// Checks a blob before the server streams it (security guide 3.3). The
// shard directory and the blob are opened with O_NOFOLLOW, so neither can be
// a symlink; the blob is opened without waiting on a FIFO and fstat'ed on
// that same descriptor. Only a regular
// file of exactly the manifest's size passes, so a damaged store is never
// served partially or wrongly.
//
// Codes: site.blob_missing, site.blob_not_regular (a symlink, FIFO,
// directory or device), site.blob_size_mismatch, site.blob_unreadable
// (any other failure), site.out_of_descriptors (EMFILE / ENFILE: the one
// transient failure).
class BlobProbe final
{
public:
    // `path` is <blobs root>/<shard>/<hash>, or a variant <hash>.br / .gz.
    static core::Status check(const QString &path, qint64 expectedSize);
    // The same checks, keeping the checked descriptor open to serve from;
    // a blob of at most `holdInMemoryUpTo` bytes is also read whole
    // (FileHandle::readWhole); -1: none is.
    static core::Result<std::shared_ptr<const http::FileHandle>> open(const QString &path, qint64 expectedSize,
                                                                      qint64 holdInMemoryUpTo = -1);
};

} // namespace ddd::agent::site
