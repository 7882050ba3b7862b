// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/manifest.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QSet>

namespace ddd::core {
class Clock;
}

namespace ddd::core::blobs {
class SharedBlobs;
}

namespace ddd::core::storage {
class PublishedBlobStore;
}

namespace ddd::core::deploy {

// Puts a manifest's blobs into shared object storage before its version is
// recorded, so no agent is ever asked to serve a version whose content only
// one machine holds. Blobs recorded as published to this store are skipped,
// the others go up several at once; each upload is recorded once the store
// confirmed it, so a retry after a failure sends only what is still missing.
// A blob skipped because the bucket holds it is claimed (claimed_at), so
// BucketCollector leaves it there for the version or session about to
// reference it.
//
// Error codes: SharedBlobs's (objects.unavailable when the bucket cannot be
// reached, a 503 to the deploying client; objects.refused, ...) and the
// database's storage.*.
class BlobPublisher final
{
public:
    BlobPublisher(blobs::SharedBlobs &shared, storage::PublishedBlobStore &published, const Clock &clock);

    // Answers how many blobs were uploaded.
    Result<int> publish(const blobs::Manifest &manifest);
    Result<int> publish(const QSet<QByteArray> &sha256s);
    // A file kept outside the blob store (a precompressed variant) under its
    // hash: claimed when the bucket holds it already, else uploaded and
    // recorded, like a blob.
    Status publishFile(const QByteArray &sha256, const QString &path);
    // Those of `sha256s` recorded as in the shared store.
    Result<QSet<QByteArray>> published(const QList<QByteArray> &sha256s);
    // The same, claiming each: for a deploy about to count on them.
    Result<QSet<QByteArray>> claim(const QList<QByteArray> &sha256s);

private:
    // Uploads at once; the S3 store keeps a connection per concurrent call.
    static constexpr int ParallelUploads = 8;
    struct Uploads
    {
        QList<QByteArray> sent; // confirmed by the store
        Status failure;         // the first one, if any
    };
    Uploads upload(const QList<QByteArray> &pending);

    blobs::SharedBlobs &m_shared;
    storage::PublishedBlobStore &m_published;
    const Clock &m_clock;
};

} // namespace ddd::core::deploy
