// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/blobvariant.h"
#include "core/util/result.h"

#include <QByteArray>

namespace ddd::core::blobs {
class SharedBlobs;
}

namespace ddd::core::storage {
class BlobVariantStore;
}

namespace ddd::core::deploy {

// A precompressed variant made on another agent (or evicted here), fetched
// from the bucket when a client asks for it: the hash it is published
// under comes from blob_variants, and SharedBlobs checks every byte
// against it before the file lands beside its blob. Thread-safe.
//
// Error codes: blob.not_found (the variant was never published: it exists
// only where it was made), SharedBlobs's, and the database's storage.*.
class SharedVariants final
{
public:
    SharedVariants(storage::BlobVariantStore &variants, blobs::SharedBlobs &shared);

    Status ensureLocal(const QByteArray &sha256, blobs::ContentCoding coding);

private:
    storage::BlobVariantStore &m_variants;
    blobs::SharedBlobs &m_shared;
};

} // namespace ddd::core::deploy
