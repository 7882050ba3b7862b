// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/blobcachetrimmer.h"

#include "core/blobs/blobstore.h"
#include "core/blobs/blobusage.h"
#include "core/blobs/sweeplock.h"
#include "core/storage/publishedblobstore.h"
#include "core/util/clock.h"

#include <QFile>
#include <QSet>

#include <algorithm>

#include <sys/stat.h>

namespace ddd::core::deploy {

BlobCacheTrimmer::BlobCacheTrimmer(const blobs::BlobStore &store, storage::PublishedBlobStore &published,
                                   QString storeIdentity, blobs::BlobUsage &usage, const Clock &clock, Limits limits,
                                   Kept kept)
    : m_store(store), m_published(published), m_storeIdentity(std::move(storeIdentity)), m_usage(usage),
      m_clock(clock), m_limits(limits), m_kept(std::move(kept))
{
}

Result<BlobCacheTrimmer::Outcome> BlobCacheTrimmer::trim()
{
    Result<blobs::SweepLock> sweep = blobs::SweepLock::trySweep(m_store.dataRoot());
    if (!sweep)
        return sweep.error();
    Outcome outcome;
    if (!sweep->held()) {
        outcome.skipped = true;
        return outcome;
    }
    Result<QList<Held>> held = scan();
    if (!held)
        return held.error();
    outcome.heldBlobs = int(held->size());
    for (const Held &blob : *held)
        outcome.heldBytes += blob.size;
    if (m_referenced)
        if (Status dropped = dropUnreferenced(*held, outcome); !dropped)
            return dropped.error();
    if (!capped() || outcome.heldBytes <= m_limits.maxBytes)
        return outcome;
    if (Status evicted = evictOldest(std::move(*held), outcome); !evicted)
        return evicted.error();
    return outcome;
}

// One stat(2) per blob: 100,000 blobs take about a tenth of a second.
Result<QList<BlobCacheTrimmer::Held>> BlobCacheTrimmer::scan() const
{
    Result<QList<QByteArray>> all = m_store.listAll();
    if (!all)
        return all.error();
    QList<Held> held;
    held.reserve(all->size());
    for (const QByteArray &sha256 : *all) {
        struct stat info {};
        if (::stat(QFile::encodeName(m_store.pathFor(sha256)).constData(), &info) != 0 || !S_ISREG(info.st_mode))
            continue; // collected or evicted since the listing
        const qint64 modifiedMs = qint64(info.st_mtim.tv_sec) * 1000 + info.st_mtim.tv_nsec / 1'000'000;
        held.append(Held{sha256, qint64(info.st_size), std::max(modifiedMs, m_usage.lastUsedMs(sha256))});
    }
    return held;
}

// The references are read after the scan: a blob a version recorded since
// is counted as referenced, and one it needs that went is fetched back.
Status BlobCacheTrimmer::dropUnreferenced(QList<Held> &held, Outcome &outcome)
{
    Result<QSet<QByteArray>> referenced = m_referenced();
    if (!referenced)
        return referenced.error();
    const qint64 idleSince = m_clock.nowMs() - m_limits.minIdleMs;
    QList<Held> unreferenced;
    for (const Held &blob : std::as_const(held))
        if (blob.lastUsedMs <= idleSince && !referenced->contains(blob.sha256))
            unreferenced.append(blob);
    QSet<QByteArray> gone; // unpublished ones stay (a writer's deploy in progress)
    for (qsizetype from = 0; from < unreferenced.size(); from += BatchSize)
        if (Result<bool> done = evictBatch(unreferenced.mid(from, BatchSize), -1, outcome, &gone); !done)
            return done.error();
    held.removeIf([&gone](const Held &blob) { return gone.contains(blob.sha256); });
    // Their variants (fetched from the bucket) serve nothing either.
    for (const QByteArray &sha256 : std::as_const(gone))
        if (Status removed = m_store.removeVariants(sha256); !removed)
            return removed;
    return {};
}

Status BlobCacheTrimmer::evictOldest(QList<Held> held, Outcome &outcome)
{
    const qint64 idleSince = m_clock.nowMs() - m_limits.minIdleMs;
    Result<QSet<QByteArray>> kept = m_kept ? m_kept() : QSet<QByteArray>();
    if (!kept)
        return kept.error();
    held.removeIf([&](const Held &blob) { return blob.lastUsedMs > idleSince || kept->contains(blob.sha256); });
    std::sort(held.begin(), held.end(), [](const Held &a, const Held &b) { return a.lastUsedMs < b.lastUsedMs; });
    const qint64 target = m_limits.maxBytes - m_limits.maxBytes / 10;
    for (qsizetype from = 0; from < held.size(); from += BatchSize) {
        Result<bool> done = evictBatch(held.mid(from, BatchSize), target, outcome);
        if (!done)
            return done.error();
        if (*done)
            break;
    }
    return {};
}

// Answers whether the store is down to `targetBytes` (never, for -1).
Result<bool> BlobCacheTrimmer::evictBatch(const QList<Held> &batch, qint64 targetBytes, Outcome &outcome,
                                          QSet<QByteArray> *evicted)
{
    QList<QByteArray> hashes;
    for (const Held &blob : batch)
        hashes.append(blob.sha256);
    Result<QSet<QByteArray>> published = m_published.published(m_storeIdentity, hashes);
    if (!published)
        return published.error();
    for (const Held &blob : batch) {
        if (outcome.heldBytes <= targetBytes)
            return true;
        if (!published->contains(blob.sha256))
            continue; // only here: it must stay until its deploy publishes it
        if (Status removed = m_store.remove(blob.sha256); !removed)
            return removed.error();
        m_usage.forget(blob.sha256);
        if (evicted)
            evicted->insert(blob.sha256);
        outcome.heldBytes -= blob.size;
        outcome.heldBlobs -= 1;
        outcome.evictedBytes += blob.size;
        outcome.evictedBlobs += 1;
    }
    return outcome.heldBytes <= targetBytes;
}

} // namespace ddd::core::deploy
