// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/blobpublisher.h"

#include "core/blobs/sharedblobs.h"
#include "core/storage/publishedblobstore.h"
#include "core/util/clock.h"
#include "core/util/parallelfor.h"

#include <mutex>

namespace ddd::core::deploy {

BlobPublisher::BlobPublisher(blobs::SharedBlobs &shared, storage::PublishedBlobStore &published, const Clock &clock)
    : m_shared(shared), m_published(published), m_clock(clock)
{
}

Result<QSet<QByteArray>> BlobPublisher::published(const QList<QByteArray> &sha256s)
{
    return m_published.published(m_shared.remoteIdentity(), sha256s);
}

Result<QSet<QByteArray>> BlobPublisher::claim(const QList<QByteArray> &sha256s)
{
    return m_published.claim(m_shared.remoteIdentity(), sha256s, m_clock.nowMs());
}

Result<int> BlobPublisher::publish(const blobs::Manifest &manifest)
{
    QSet<QByteArray> pending;
    for (const blobs::ManifestEntry &entry : manifest.entries())
        pending.insert(entry.sha256);
    return publish(pending);
}

Result<int> BlobPublisher::publish(const QSet<QByteArray> &sha256s)
{
    QSet<QByteArray> pending = sha256s;
    const QString store = m_shared.remoteIdentity();
    Result<QSet<QByteArray>> known = m_published.claim(store, pending.values(), m_clock.nowMs());
    if (!known)
        return known.error();
    const Uploads uploads = upload(pending.subtract(*known).values());
    // What went up is in the bucket whatever came next: remember it.
    if (Status recorded = m_published.record(store, uploads.sent, m_clock.nowMs()); !recorded)
        return recorded.error();
    if (!uploads.failure)
        return uploads.failure.error();
    return int(uploads.sent.size());
}

Status BlobPublisher::publishFile(const QByteArray &sha256, const QString &path)
{
    const QString store = m_shared.remoteIdentity();
    Result<QSet<QByteArray>> known = m_published.claim(store, {sha256}, m_clock.nowMs());
    if (!known)
        return known.error();
    if (known->contains(sha256))
        return {};
    if (Result<bool> put = m_shared.publishFile(sha256, path); !put)
        return put.error();
    return m_published.record(store, {sha256}, m_clock.nowMs());
}

// A site of many small files is bound by round trips, not bandwidth: up to
// ParallelUploads go at once. No new upload starts after the first failure.
BlobPublisher::Uploads BlobPublisher::upload(const QList<QByteArray> &pending)
{
    Uploads uploads;
    std::mutex mutex; // guards uploads
    parallelFor(pending.size(), ParallelUploads, [&](qsizetype i) {
        const Result<int> put = m_shared.publish({pending.at(i)});
        std::lock_guard lock(mutex);
        if (put)
            uploads.sent.append(pending.at(i));
        else if (uploads.failure)
            uploads.failure = put.error();
        return bool(put);
    });
    return uploads;
}

} // namespace ddd::core::deploy
