// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

namespace ddd::core::blobs {
class BlobStore;
}

namespace ddd::core::storage {
class BlobVariantStore;
}

namespace ddd::core::deploy {

// Start-up repair of precompressed variants, run by the Reconciler before
// any request is served. Afterwards every kept row of blob_variants names a
// file of exactly its size beside a blob that exists, and every variant
// file in blobs/ has such a row: whatever a crash interrupted (a rename
// without its row, a collection that removed the row but not the file) is
// dropped, never served. A dropped variant is made again by the next
// deploy of that content.
class VariantRepair final
{
public:
    VariantRepair(storage::BlobVariantStore &variants, const blobs::BlobStore &store);

    Status run();

private:
    storage::BlobVariantStore &m_variants;
    const blobs::BlobStore &m_store;
};

} // namespace ddd::core::deploy
