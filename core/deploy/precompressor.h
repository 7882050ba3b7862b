// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/blobvariant.h"
#include "core/blobs/manifestentry.h"
#include "core/storage/blobvariantstore.h"
#include "core/util/result.h"

#include <QList>

#include <mutex>
#include <optional>

namespace ddd::core::blobs {
class BlobStore;
}

namespace ddd::core::deploy {

class BlobPublisher;

// Makes the brotli and gzip variants of a new version's compressible blobs
// after the version is recorded (on VariantWorker's thread), so the site
// listener never compresses on the request path. Work is per content hash
// and remembered in blob_variants: a blob already decided (by any project's
// deploy) is skipped, and a variant saving under 10% is not kept but
// recorded as such. Variants are written in staging/, synced and renamed
// into blobs/ before their rows are written (two file-system syncs and one
// transaction per deploy), so a crash leaves either complete files or
// staging leftovers, and a file without a row is never served.
//
// The caller holds BlobGuard::protectNewBlobs(), so the collector cannot
// take a blob while its variants are made. Failing to compress is logged
// and costs only the variant: the deploy still succeeds, and the next
// deploy of that content tries again.
class Precompressor final
{
public:
    Precompressor(storage::BlobVariantStore &variants, const blobs::BlobStore &store);

    // With shared object storage: each kept variant is published under its
    // own hash before it is recorded, so agents that did not make it fetch
    // it (and check every byte). A variant that cannot be published is not
    // kept now; it is made again later (the next deploy of that content, or
    // the start-up sweep). Before the first prepare().
    void publishThrough(BlobPublisher &publisher) { m_publisher = &publisher; }

    // `files` may name one blob several times; it is compressed once.
    void prepare(const QList<blobs::ManifestEntry> &files);

    // A variant is kept only when it is at most this share of the original.
    static constexpr int kKeepPercent = 90;
    // Brotli quality 11 is about 15% denser than 6 but 40 times slower
    // (about 0.8 MB/s against 33 MB/s, docs/performance.md). Each deploy
    // spends it on its first this-many bytes of blobs up to 1 MiB, then
    // uses quality 6: a small site or a typical redeploy gets the densest
    // files, a large first deploy stays within seconds of extra work.
    static constexpr qint64 kDenseBudgetBytes = 2 * 1024 * 1024;
    static constexpr qint64 kDenseMaxBlobBytes = 1024 * 1024;
    static constexpr int kDenseQuality = 11;
    static constexpr int kFastQuality = 6;

private:
    // What one deploy decided, the kept variants still in staging/.
    struct Batch
    {
        QList<blobs::StagedVariant> staged;
        QList<storage::BlobVariantStore::Decision> decisions;
        qint64 denseBudget = kDenseBudgetBytes;
    };

    Status prepareBlob(const QByteArray &sha256, qint64 size, Batch &batch);
    Status makeVariant(const QByteArray &sha256, blobs::ContentCoding coding, qint64 size, Batch &batch);
    Status commit(const Batch &batch);
    Result<QByteArray> publish(const QString &staged); // the variant's hash; empty without a bucket

    storage::BlobVariantStore &m_variants;
    const blobs::BlobStore &m_store;
    BlobPublisher *m_publisher = nullptr;
    // One batch compresses at a time: two deploys sharing content then
    // compress it once.
    std::mutex m_compressing;
};

} // namespace ddd::core::deploy
