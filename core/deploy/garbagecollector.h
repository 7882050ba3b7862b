// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QSet>

namespace ddd::core {
class Clock;
}

namespace ddd::core::blobs {
class BlobStore;
}

namespace ddd::core::storage {
class BlobVariantStore;
class UploadSessionStore;
class VersionStore;
} // namespace ddd::core::storage

namespace ddd::core::deploy {

class BlobGuard;
class BucketSweeper;

// Deletes blobs no version and no unexpired upload session references (with
// their precompressed variants and blob_variants rows), and partial uploads
// no unexpired session needs (design guide 4.6). Runs under
// BlobGuard::collecting(), so blobs on their way into a version are never
// taken. Deleting garbage is safe to interrupt: what remains is collected
// next time. It never deletes while `ddd-agent backup` or `check` holds the
// SweepLock: the blobs it would have taken are remembered and collected by
// the next collection after the lock is free.
class GarbageCollector final
{
public:
    GarbageCollector(storage::VersionStore &versions, storage::UploadSessionStore &sessions,
                     storage::BlobVariantStore &variants, const blobs::BlobStore &store, BlobGuard &guard,
                     const Clock &clock);

    // From now on, unreferenced blobs are offered to `sweeper` as well.
    void offerTo(BucketSweeper &sweeper);
    // Every blob in the store and every partial upload.
    Status collectAll();
    // Only these blobs: the ones a deleted version referenced.
    Status collect(const QSet<QByteArray> &candidates);

private:
    Result<QSet<QByteArray>> sessionHashes();
    Status sweepBlobs(const QList<QByteArray> &candidates, const QSet<QByteArray> &keep);
    Status sweepPartials(const QSet<QByteArray> &keep);
    Status removeBlob(const QByteArray &sha256);
    // Under collecting() and the SweepLock.
    Status sweepAll();

    storage::VersionStore &m_versions;
    storage::UploadSessionStore &m_sessions;
    storage::BlobVariantStore &m_variants;
    const blobs::BlobStore &m_store;
    BlobGuard &m_guard;
    const Clock &m_clock;
    BucketSweeper *m_bucket = nullptr;
    QSet<QByteArray> m_deferred; // guarded by BlobGuard::collecting()
    bool m_deferredAll = false;
};

} // namespace ddd::core::deploy
