// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/blobpublisher.h"

#include "core/blobs/sharedblobs.h"
#include "core/storage/publishedblobstore.h"
#include "core/util/clock.h"

namespace ddd::core::deploy {

BlobPublisher::BlobPublisher(blobs::SharedBlobs &shared, storage::PublishedBlobStore &published, const Clock &clock)
    : m_shared(shared), m_published(published), m_clock(clock)
{
}

Result<QSet<QByteArray>> BlobPublisher::published(const QList<QByteArray> &sha256s)
{
    return m_published.published(m_shared.remoteIdentity(), sha256s);
}

Result<int> BlobPublisher::publish(const blobs::Manifest &manifest)
{
    QList<QByteArray> distinct;
    QSet<QByteArray> seen;
    for (const blobs::ManifestEntry &entry : manifest.entries())
        if (!seen.contains(entry.sha256)) {
            seen.insert(entry.sha256);
            distinct.append(entry.sha256);
        }
    const QString store = m_shared.remoteIdentity();
    Result<QSet<QByteArray>> known = m_published.published(store, distinct);
    if (!known)
        return known.error();
    QList<QByteArray> sent;
    Status failure;
    for (const QByteArray &sha256 : distinct) {
        if (known->contains(sha256))
            continue;
        if (Result<int> put = m_shared.publish({sha256}); !put) {
            failure = put.error();
            break;
        }
        sent.append(sha256);
    }
    // What went up is in the bucket whatever came next: remember it.
    if (Status recorded = m_published.record(store, sent, m_clock.nowMs()); !recorded)
        return recorded.error();
    if (!failure)
        return failure.error();
    return int(sent.size());
}

} // namespace ddd::core::deploy
