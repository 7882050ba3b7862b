// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/bucketcollector.h"

#include "core/blobs/sharedblobs.h"
#include "core/blobs/sweeplock.h"
#include "core/storage/publishedblobstore.h"
#include "core/storage/uploadsessionstore.h"
#include "core/storage/versionstore.h"
#include "core/util/clock.h"

#include <QLoggingCategory>

namespace ddd::core::deploy {

namespace {

Q_LOGGING_CATEGORY(lcBucket, "ddd.core.deploy")

} // namespace

BucketCollector::BucketCollector(blobs::SharedBlobs &shared, storage::PublishedBlobStore &published,
                                 storage::VersionStore &versions, storage::UploadSessionStore &sessions,
                                 QString dataRoot, const Clock &clock, qint64 graceMs)
    : m_shared(shared), m_published(published), m_versions(versions), m_sessions(sessions),
      m_dataRoot(std::move(dataRoot)), m_clock(clock), m_graceMs(graceMs)
{
}

Result<BucketCollector::Outcome> BucketCollector::collectAll()
{
    const qint64 claimedBefore = m_clock.nowMs() - m_graceMs;
    Result<QList<QByteArray>> unclaimed = m_published.unclaimedSince(m_shared.remoteIdentity(), claimedBefore);
    if (!unclaimed)
        return unclaimed.error();
    return collect(*unclaimed);
}

Result<int> BucketCollector::adoptUnrecorded()
{
    const QString store = m_shared.remoteIdentity();
    int adopted = 0;
    QByteArray continuation;
    do {
        Result<blobs::SharedBlobs::Listing> page = m_shared.listPage(continuation);
        if (!page)
            return page.error();
        Result<QSet<QByteArray>> known = m_published.published(store, page->sha256s);
        if (!known)
            return known.error();
        QList<QByteArray> unknown;
        for (const QByteArray &sha256 : std::as_const(page->sha256s))
            if (!known->contains(sha256))
                unknown.append(sha256);
        if (Status recorded = m_published.record(store, unknown, m_clock.nowMs()); !recorded)
            return recorded.error();
        adopted += int(unknown.size());
        continuation = page->continuation;
    } while (!continuation.isEmpty());
    if (adopted > 0)
        qCInfo(lcBucket) << "Found" << adopted << "blobs in" << store
                         << "that no deploy recorded; they go after the grace period unless one references them";
    return adopted;
}

Result<BucketCollector::Outcome> BucketCollector::collect(const QList<QByteArray> &candidates)
{
    if (candidates.isEmpty())
        return Outcome();
    Result<blobs::SweepLock> sweep = blobs::SweepLock::trySweep(m_dataRoot);
    if (!sweep)
        return sweep.error();
    if (!sweep->held())
        return Outcome{0, true};
    // The references are read after the cut-off: whatever claimed a blob
    // before it and references it by now is seen, and whatever claims it
    // later moved claimed_at past the cut-off, which withdraw() checks.
    const qint64 claimedBefore = m_clock.nowMs() - m_graceMs;
    Result<int> removed = withdrawUnreferenced(candidates, claimedBefore);
    if (!removed)
        return removed.error();
    if (*removed > 0)
        qCInfo(lcBucket) << "Removed" << *removed << "unreferenced blobs from" << m_shared.remoteIdentity();
    return Outcome{*removed, false};
}

Result<int> BucketCollector::withdrawUnreferenced(const QList<QByteArray> &candidates, qint64 claimedBeforeMs)
{
    Result<QSet<QByteArray>> keep = m_versions.referencedHashes();
    if (!keep)
        return keep.error();
    Result<QSet<QByteArray>> pending = m_sessions.unexpiredHashes(m_clock.nowMs());
    if (!pending)
        return pending.error();
    keep->unite(*pending);
    const QString store = m_shared.remoteIdentity();
    int removed = 0;
    for (const QByteArray &sha256 : candidates) {
        if (keep->contains(sha256))
            continue;
        Result<bool> withdrawn =
            m_published.withdraw(store, sha256, claimedBeforeMs, [&] { return m_shared.remove(sha256); });
        if (!withdrawn)
            return withdrawn.error();
        removed += *withdrawn ? 1 : 0;
    }
    return removed;
}

} // namespace ddd::core::deploy
