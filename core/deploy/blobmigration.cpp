// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/blobmigration.h"

#include "core/blobs/blobstore.h"
#include "core/blobs/objectstore.h"
#include "core/blobs/sharedblobs.h"
#include "core/deploy/blobpublisher.h"
#include "core/storage/versionstore.h"
#include "core/util/parallelfor.h"

#include <QSet>

#include <algorithm>
#include <mutex>

namespace ddd::core::deploy {

BlobMigration::BlobMigration(storage::VersionStore &versions, BlobPublisher &publisher,
                             const blobs::BlobStore &local, blobs::ObjectStore &bucket)
    : m_versions(versions), m_publisher(publisher), m_local(local), m_bucket(bucket)
{
}

// In hash order, so two runs go through the blobs alike.
Result<QList<QByteArray>> BlobMigration::referenced()
{
    Result<QSet<QByteArray>> hashes = m_versions.referencedHashes();
    if (!hashes)
        return hashes.error();
    QList<QByteArray> sorted = hashes->values();
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

Result<BlobMigration::Progress> BlobMigration::publish(const Report &report)
{
    Result<QList<QByteArray>> all = referenced();
    if (!all)
        return all.error();
    Progress progress{0, all->size(), 0};
    for (qsizetype first = 0; first < all->size(); first += BatchSize) {
        const QList<QByteArray> batch = all->mid(first, BatchSize);
        Result<int> uploaded = m_publisher.publish(QSet<QByteArray>(batch.begin(), batch.end()));
        if (!uploaded)
            return uploaded.error();
        progress.done += batch.size();
        progress.uploaded += *uploaded;
        if (report)
            report(progress);
    }
    return progress;
}

Result<qsizetype> BlobMigration::verify()
{
    Result<QList<QByteArray>> all = referenced();
    if (!all)
        return all.error();
    std::mutex mutex; // guards failure
    Status failure;
    parallelFor(all->size(), ParallelChecks, [&](qsizetype i) {
        Status checked = check(all->at(i));
        std::lock_guard lock(mutex);
        if (!checked && failure)
            failure = checked;
        return bool(failure);
    });
    if (!failure)
        return failure.error();
    return all->size();
}

Status BlobMigration::check(const QByteArray &sha256)
{
    Result<qint64> here = m_local.size(sha256);
    if (!here)
        return here.error();
    Result<std::optional<qint64>> there = m_bucket.sizeOf(blobs::SharedBlobs::keyFor(sha256));
    if (!there)
        return there.error();
    if (*there == *here)
        return {};
    const QString found = there->has_value() ? QString::number(**there) + u" bytes"_qs : u"nothing"_qs;
    return Error::make(u"migrate.blob_mismatch"_qs, u"The bucket holds "_qs + found + u" for blob "_qs
                                                        + QString::fromLatin1(sha256) + u", "_qs
                                                        + QString::number(*here) + u" bytes here"_qs);
}

} // namespace ddd::core::deploy
