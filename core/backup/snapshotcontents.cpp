// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/backup/snapshotcontents.h"

#include "core/storage/database.h"
#include "core/storage/statement.h"

namespace ddd::core::backup {

namespace {

// Runs `sql` and hands every row to `row`.
template<typename Row>
Status eachRow(storage::Database &db, const QString &sql, Row row)
{
    Result<storage::Statement> statement = db.prepare(sql);
    if (!statement)
        return statement.error();
    for (;;) {
        Result<bool> more = statement->step();
        if (!more)
            return more.error();
        if (!*more)
            return {};
        row(*statement);
    }
}

Status readBlobs(storage::Database &db, SnapshotContents &contents)
{
    return eachRow(db,
                   u"SELECT sha256, MIN(size), MAX(size) FROM (SELECT sha256, size FROM version_files "
                   "UNION ALL SELECT sha256, size FROM source_files) AS files GROUP BY sha256"_qs,
                   [&](storage::Statement &row) {
                       const QByteArray sha256 = row.columnText(0).toLatin1();
                       contents.blobs.insert(sha256, row.columnInt(2));
                       if (row.columnInt(1) != row.columnInt(2))
                           contents.sizeConflicts.append(sha256);
                   });
}

Status readVariants(storage::Database &db, SnapshotContents &contents)
{
    return eachRow(db, u"SELECT sha256, encoding, size FROM blob_variants WHERE size IS NOT NULL"_qs,
                   [&](storage::Statement &row) {
                       const auto coding = blobs::BlobVariant::fromToken(row.columnText(1).toLatin1());
                       if (coding)
                           contents.variants.append({row.columnText(0).toLatin1(), *coding, row.columnInt(2)});
                   });
}

Status readCounts(storage::Database &db, SnapshotContents &contents)
{
    for (const QString &table : {u"users"_qs, u"projects"_qs, u"versions"_qs, u"sources"_qs, u"builds"_qs}) {
        Status counted = eachRow(db, u"SELECT COUNT(*) FROM "_qs + table,
                                 [&](storage::Statement &row) { contents.counts.insert(table, row.columnInt(0)); });
        if (!counted)
            return counted;
    }
    return eachRow(db, u"SELECT id FROM builds ORDER BY id"_qs,
                   [&](storage::Statement &row) { contents.buildIds.append(row.columnInt(0)); });
}

} // namespace

Result<SnapshotContents> SnapshotContents::read(storage::Database &db)
{
    SnapshotContents contents;
    // Not Migrations::currentVersion(): that creates meta, and `check` reads only.
    Status schema = eachRow(db, u"SELECT value FROM meta WHERE key = 'schema_version'"_qs,
                            [&](storage::Statement &row) { contents.schemaVersion = int(row.columnInt(0)); });
    if (!schema)
        return schema.error();
    for (auto step : {readBlobs, readVariants, readCounts})
        if (Status read = step(db, contents); !read)
            return read.error();
    contents.counts.insert(u"blobs"_qs, contents.blobs.size());
    contents.counts.insert(u"blob_bytes"_qs, contents.blobBytes());
    contents.counts.insert(u"variants"_qs, contents.variants.size());
    return contents;
}

qint64 SnapshotContents::blobBytes() const
{
    qint64 total = 0;
    for (qint64 size : blobs)
        total += size;
    return total;
}

} // namespace ddd::core::backup
