// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/versionindexrows.h"

#include "core/blobs/blobvariant.h"
#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"

namespace ddd::core::storage {

VersionIndexRows::VersionIndexRows(ConnectionProvider &connections) : m_connections(connections) {}

Status VersionIndexRows::forEach(qint64 versionId, const std::function<Status(const Row &)> &row)
{
    // A range scan of version_files' primary key (already in path order)
    // plus two probes of blob_variants' primary key per file.
    Result<Statement> statement = m_connections.current().prepare(uR"sql(
SELECT f.path, f.sha256, f.size, b.size, CASE WHEN b.sha256 IS NULL THEN 0 ELSE 1 END, g.size,
       CASE WHEN g.sha256 IS NULL THEN 0 ELSE 1 END,
       CASE WHEN b.variant_sha256 IS NULL THEN 0 ELSE 1 END, CASE WHEN g.variant_sha256 IS NULL THEN 0 ELSE 1 END
FROM version_files f
LEFT JOIN blob_variants b ON b.sha256 = f.sha256 AND b.encoding = ?2
LEFT JOIN blob_variants g ON g.sha256 = f.sha256 AND g.encoding = ?3
WHERE f.version_id = ?1 ORDER BY f.path)sql"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, versionId)
        .bind(2, QString::fromLatin1(blobs::BlobVariant::token(blobs::ContentCoding::Brotli)))
        .bind(3, QString::fromLatin1(blobs::BlobVariant::token(blobs::ContentCoding::Gzip)));
    Row current;
    for (;;) {
        Result<bool> more = statement->step();
        if (!more)
            return more.error();
        if (!*more)
            return {};
        current.path = statement->columnBlob(0);
        current.sha256 = statement->columnBlob(1);
        current.size = statement->columnInt(2);
        current.brotliSize = statement->columnOptionalInt(3);
        current.brotliDecided = statement->columnInt(4) != 0;
        current.gzipSize = statement->columnOptionalInt(5);
        current.gzipDecided = statement->columnInt(6) != 0;
        current.brotliPublished = statement->columnInt(7) != 0;
        current.gzipPublished = statement->columnInt(8) != 0;
        if (Status taken = row(current); !taken)
            return taken;
    }
}

Result<QList<VersionIndexRows::Servable>> VersionIndexRows::servable(std::optional<qint64> projectId)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"SELECT id, project_id, file_count FROM versions WHERE status IN ('ready', 'live', 'retired') "
        "AND (CAST(?1 AS BIGINT) IS NULL OR project_id = ?1) ORDER BY id"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, projectId);
    QList<Servable> versions;
    for (;;) {
        Result<bool> more = statement->step();
        if (!more)
            return more.error();
        if (!*more)
            return versions;
        versions.append({statement->columnInt(0), statement->columnInt(1), statement->columnInt(2)});
    }
}

} // namespace ddd::core::storage
