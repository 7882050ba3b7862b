// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/backup/bucketonlyblobs.h"

#include "core/blobs/objectstore.h"
#include "core/blobs/sharedblobs.h"
#include "core/storage/publishedblobstore.h"

namespace ddd::core::backup {

void BucketOnlyBlobs::settle(storage::Database &db, blobs::ObjectStore &shared, const QHash<QByteArray, qint64> &sizes,
                             QList<CheckProblem> &problems, CheckReport &report)
{
    const auto shaOf = [](const CheckProblem &problem) {
        return problem.details.value(u"sha256"_qs).toString().toLatin1();
    };
    QList<QByteArray> missing;
    for (const CheckProblem &problem : problems)
        if (problem.code == u"check.blob_missing"_qs)
            missing.append(shaOf(problem));
    Result<QSet<QByteArray>> published = storage::PublishedBlobStore::publishedIn(db, shared.identity(), missing);
    if (!published)
        return; // the database problem is reported by the integrity checks
    qint64 inBucket = 0;
    QList<CheckProblem> kept;
    for (CheckProblem &problem : problems) {
        const QByteArray sha256 = shaOf(problem);
        if (problem.code != u"check.blob_missing"_qs || !published->contains(sha256)) {
            kept.append(std::move(problem));
            continue;
        }
        const Result<std::optional<qint64>> size = shared.sizeOf(blobs::SharedBlobs::keyFor(sha256));
        if (size && *size == sizes.value(sha256)) {
            ++inBucket;
            continue;
        }
        problem.message += !size ? u", and the bucket cannot be asked: "_qs + size.error().message
                         : size->has_value() ? u", and the bucket's copy has another size"_qs
                                             : u", and the bucket has lost it too"_qs;
        kept.append(std::move(problem));
    }
    problems = std::move(kept);
    report.counts.insert(u"blobs_in_bucket"_qs, inBucket);
}

} // namespace ddd::core::backup
