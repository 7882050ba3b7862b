// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/backup/bucketonlyblobs.h"

#include "core/blobs/objectstore.h"
#include "core/blobs/sharedblobs.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"

namespace ddd::core::backup {

namespace {

bool recordedAsPublished(storage::Statement &query, const QString &store, const QByteArray &sha256)
{
    query.reset();
    query.bind(1, store).bind(2, QString::fromLatin1(sha256));
    const Result<bool> row = query.step();
    return row && *row;
}

} // namespace

void BucketOnlyBlobs::settle(storage::Database &db, blobs::ObjectStore &shared, const QHash<QByteArray, qint64> &sizes,
                             QList<CheckProblem> &problems, CheckReport &report)
{
    Result<storage::Statement> query =
        db.prepare(u"SELECT 1 FROM published_blobs WHERE store = ?1 AND sha256 = ?2"_qs);
    if (!query)
        return; // the database problem is reported by the integrity checks
    qint64 inBucket = 0;
    QList<CheckProblem> kept;
    for (CheckProblem &problem : problems) {
        const QByteArray sha256 = problem.details.value(u"sha256"_qs).toString().toLatin1();
        if (problem.code != u"check.blob_missing"_qs || !recordedAsPublished(*query, shared.identity(), sha256)) {
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
