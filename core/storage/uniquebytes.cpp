// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/uniquebytes.h"

#include "core/storage/database.h"
#include "core/storage/statement.h"

#include <QHash>

namespace ddd::core::storage {

Status UniqueBytes::afterInsert(Database &db, qint64 versionId)
{
    return apply(db, versionId, Change::Inserted);
}

Status UniqueBytes::beforeRemove(Database &db, qint64 versionId)
{
    return apply(db, versionId, Change::Removing);
}

// Per distinct blob of the version, the lowest and highest other version
// naming it: two index seeks on version_files_sha256 (sha256, version_id,
// path). None: the blob is the version's alone. Both the same: exactly one
// other version shares it.
Status UniqueBytes::apply(Database &db, qint64 versionId, Change change)
{
    Result<Statement> blobs = db.prepare(uR"sql(
SELECT f.size,
       (SELECT MIN(o.version_id) FROM version_files o WHERE o.sha256 = f.sha256 AND o.version_id <> ?1),
       (SELECT MAX(o.version_id) FROM version_files o WHERE o.sha256 = f.sha256 AND o.version_id <> ?1)
FROM (SELECT sha256, MAX(size) AS size FROM version_files WHERE version_id = ?1 GROUP BY sha256) f)sql"_qs);
    if (!blobs)
        return blobs.error();
    blobs->bind(1, versionId);
    qint64 own = 0;
    QHash<qint64, qint64> others; // version -> bytes gained (removing) or lost (inserted)
    for (;;) {
        Result<bool> more = blobs->step();
        if (!more)
            return more.error();
        if (!*more)
            break;
        const std::optional<qint64> low = blobs->columnOptionalInt(1);
        if (!low)
            own += blobs->columnInt(0);
        else if (low == blobs->columnOptionalInt(2))
            others[*low] += blobs->columnInt(0);
    }
    Result<Statement> adjust = db.prepare(
        u"UPDATE versions SET unique_bytes = unique_bytes + ?2 WHERE id = ?1 AND unique_bytes IS NOT NULL"_qs);
    if (!adjust)
        return adjust.error();
    for (auto it = others.cbegin(); it != others.cend(); ++it) {
        adjust->reset();
        adjust->bind(1, it.key()).bind(2, change == Change::Inserted ? -it.value() : it.value());
        if (Status ran = adjust->run(); !ran)
            return ran;
    }
    if (change == Change::Removing)
        return {};
    Result<Statement> mine = db.prepare(u"UPDATE versions SET unique_bytes = ?2 WHERE id = ?1"_qs);
    if (!mine)
        return mine.error();
    return mine->bind(1, versionId).bind(2, own).run();
}

Result<qint64> UniqueBytes::read(Database &db, qint64 versionId)
{
    Result<Statement> stored = db.prepare(u"SELECT unique_bytes FROM versions WHERE id = ?1"_qs);
    if (!stored)
        return stored.error();
    Result<bool> row = stored->bind(1, versionId).step();
    if (!row)
        return row.error();
    if (*row && !stored->columnIsNull(0))
        return stored->columnInt(0);
    Result<qint64> computed = compute(db, versionId);
    if (!computed || !*row)
        return computed;
    Result<Statement> keep = db.prepare(u"UPDATE versions SET unique_bytes = ?2 WHERE id = ?1"_qs);
    if (!keep)
        return keep.error();
    if (Status kept = keep->bind(1, versionId).bind(2, *computed).run(); !kept)
        return kept.error();
    return computed;
}

Result<qint64> UniqueBytes::compute(Database &db, qint64 versionId)
{
    Result<Statement> statement = db.prepare(uR"sql(
SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM (
    SELECT f.sha256, MAX(f.size) AS size FROM version_files f
    WHERE f.version_id = ?1
      AND NOT EXISTS (SELECT 1 FROM version_files o WHERE o.sha256 = f.sha256 AND o.version_id <> ?1)
    GROUP BY f.sha256) AS own)sql"_qs);
    if (!statement)
        return statement.error();
    Result<bool> row = statement->bind(1, versionId).step();
    if (!row)
        return row.error();
    return statement->columnInt(0);
}

Status UniqueBytes::forgetAll(Database &db)
{
    return db.exec(u"UPDATE versions SET unique_bytes = NULL"_qs);
}

} // namespace ddd::core::storage
