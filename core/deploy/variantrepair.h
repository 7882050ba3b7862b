// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/blobvariant.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>

namespace ddd::core::blobs {
class BlobStore;
}

namespace ddd::core::storage {
class BlobVariantStore;
}

namespace ddd::core::deploy {

class BlobPublisher;

// Start-up repair of precompressed variants, run by the Reconciler before
// any request is served. Afterwards every kept row of blob_variants names a
// file of exactly its size beside a blob that exists, and every variant
// file in blobs/ has such a row: whatever a crash interrupted (a rename
// without its row, a collection that removed the row but not the file) is
// dropped, never served. A dropped variant is made again by the next
// deploy of that content.
//
// With shared object storage (`publisher` set) a blob the bucket holds
// counts as existing: a size-capped cache evicts blobs, not their variants,
// and fetches the blob back when it is asked for. A row whose variant is
// published (variant_sha256) and in the bucket is kept whatever this disk
// holds: another agent made it, or it is fetched again when asked for. A
// sound variant kept here only (made before it could be published) is
// published then.
class VariantRepair final
{
public:
    VariantRepair(storage::BlobVariantStore &variants, const blobs::BlobStore &store, BlobPublisher *publisher);

    Status run();

private:
    Result<QSet<QByteArray>> blobsHeld(const QList<blobs::StoredVariant> &rows) const;
    Result<QSet<QByteArray>> variantsInBucket(const QList<blobs::StoredVariant> &rows) const;
    void publishLocalOnly(const QList<blobs::StoredVariant> &rows, const QHash<QByteArray, qint64> &sound);

    storage::BlobVariantStore &m_variants;
    const blobs::BlobStore &m_store;
    BlobPublisher *const m_publisher;
};

} // namespace ddd::core::deploy
