// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/garbagecollector.h"

#include "core/blobs/blobstore.h"
#include "core/blobs/sweeplock.h"
#include "core/deploy/blobguard.h"
#include "core/deploy/bucketsweeper.h"
#include "core/storage/blobvariantstore.h"
#include "core/storage/uploadsessionstore.h"
#include "core/storage/versionstore.h"
#include "core/util/clock.h"
#include "core/util/crashpoint.h"

#include <QLoggingCategory>

namespace ddd::core::deploy {

namespace {

Q_LOGGING_CATEGORY(lcGarbage, "ddd.core.deploy")

} // namespace

GarbageCollector::GarbageCollector(storage::VersionStore &versions, storage::UploadSessionStore &sessions,
                                   storage::BlobVariantStore &variants, const blobs::BlobStore &store,
                                   BlobGuard &guard, const Clock &clock)
    : m_versions(versions), m_sessions(sessions), m_variants(variants), m_store(store), m_guard(guard),
      m_clock(clock)
{
}

void GarbageCollector::offerTo(BucketSweeper &sweeper)
{
    m_bucket = &sweeper;
}

Status GarbageCollector::collectAll()
{
    const auto exclusive = m_guard.collecting();
    Result<blobs::SweepLock> sweep = blobs::SweepLock::trySweep(m_store.dataRoot());
    if (!sweep)
        return sweep.error();
    if (!sweep->held()) {
        qCInfo(lcGarbage) << "A backup or check reads the blob store; garbage collection waits for the next run";
        m_deferredAll = true;
        return {};
    }
    return sweepAll();
}

Status GarbageCollector::sweepAll()
{
    m_deferredAll = false;
    m_deferred.clear();
    Result<QSet<QByteArray>> pending = sessionHashes();
    if (!pending)
        return pending.error();
    Result<QSet<QByteArray>> keep = m_versions.referencedHashes();
    if (!keep)
        return keep.error();
    keep->unite(*pending);
    Result<QList<QByteArray>> all = m_store.listAll();
    if (!all)
        return all.error();
    if (Status swept = sweepBlobs(*all, *keep); !swept)
        return swept;
    if (m_bucket) // it holds blobs this machine may not
        m_bucket->offerAll();
    return sweepPartials(*pending);
}

// Candidates that met a backup wait in m_deferred for the next call.
Status GarbageCollector::collect(const QSet<QByteArray> &candidates)
{
    if (candidates.isEmpty())
        return {};
    const auto exclusive = m_guard.collecting();
    Result<blobs::SweepLock> sweep = blobs::SweepLock::trySweep(m_store.dataRoot());
    if (!sweep)
        return sweep.error();
    m_deferred.unite(candidates);
    if (!sweep->held()) {
        qCInfo(lcGarbage) << "A backup or check reads the blob store;" << m_deferred.size()
                          << "blobs wait for the next garbage collection";
        return {};
    }
    if (m_deferredAll)
        return sweepAll();
    const QList<QByteArray> all = std::exchange(m_deferred, {}).values();
    Result<QSet<QByteArray>> keep = sessionHashes();
    if (!keep)
        return keep.error();
    Result<QSet<QByteArray>> referenced = m_versions.referencedHashes();
    if (!referenced)
        return referenced.error();
    keep->unite(*referenced);
    return sweepBlobs(all, *keep);
}

Result<QSet<QByteArray>> GarbageCollector::sessionHashes()
{
    return m_sessions.unexpiredHashes(m_clock.nowMs());
}

Status GarbageCollector::sweepBlobs(const QList<QByteArray> &candidates, const QSet<QByteArray> &keep)
{
    qsizetype removed = 0;
    QSet<QByteArray> unreferenced;
    for (const QByteArray &sha256 : candidates) {
        if (keep.contains(sha256))
            continue;
        unreferenced.insert(sha256);
        // A blob evicted from a size-capped cache of the bucket is not here,
        // but its variants (local-only) are, and go with it.
        const bool here = m_store.contains(sha256);
        if (Status gone = removeBlob(sha256); !gone)
            return gone;
        if (here && ++removed == 1)
            CrashPoint::hit("gc.blob_removed");
    }
    if (removed > 0)
        qCInfo(lcGarbage) << "Removed" << removed << "unreferenced blobs";
    if (m_bucket)
        m_bucket->offer(unreferenced);
    return {};
}

// The row first, then the variant files, then the blob: a crash in between
// leaves only files no row names, which start-up repair (VariantRepair)
// removes and which are never served.
Status GarbageCollector::removeBlob(const QByteArray &sha256)
{
    if (Status forgotten = m_variants.forget(sha256); !forgotten)
        return forgotten;
    if (Status variants = m_store.removeVariants(sha256); !variants)
        return variants;
    return m_store.remove(sha256);
}

Status GarbageCollector::sweepPartials(const QSet<QByteArray> &keep)
{
    Result<QList<QByteArray>> partials = m_store.listPartials();
    if (!partials)
        return partials.error();
    for (const QByteArray &sha256 : *partials) {
        // Claimed for the removal, so no PUT can open the file meanwhile.
        if (keep.contains(sha256) || !m_guard.claimPartial(sha256))
            continue;
        const Status gone = m_store.removePartial(sha256);
        m_guard.releasePartial(sha256);
        if (!gone)
            return gone;
    }
    return {};
}

} // namespace ddd::core::deploy
