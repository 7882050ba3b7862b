// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/sourcestore.h"

#include "core/storage/batchinsert.h"
#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"
#include "core/wire/buildjson.h"

#include <QJsonDocument>

#include <limits>

namespace ddd::core::storage {

namespace {

const QString SelectColumns = uR"sql(
SELECT s.id, s.project_id, s.number, s.file_count, s.total_bytes, s.author_id, u.email, s.created_at,
       s.detection, s.detection_error, s.git
FROM sources s LEFT JOIN users u ON u.id = s.author_id )sql"_qs;

QJsonObject objectOf(const std::optional<QString> &text)
{
    return text ? QJsonDocument::fromJson(text->toUtf8()).object() : QJsonObject();
}

std::optional<QString> textOf(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

model::Source readRow(const Statement &row)
{
    model::Source source;
    source.id = row.columnInt(0);
    source.projectId = row.columnInt(1);
    source.number = row.columnInt(2);
    source.fileCount = row.columnInt(3);
    source.totalBytes = row.columnInt(4);
    source.authorId = row.columnOptionalInt(5);
    source.authorEmail = row.columnOptionalText(6).value_or(QString());
    source.createdAt = row.columnInt(7);
    if (const auto detection = row.columnOptionalText(8))
        source.detection = wire::detectionFromJson(objectOf(detection));
    if (const auto error = row.columnOptionalText(9))
        source.detectionError = wire::errorObjectFromJson(objectOf(error));
    if (const auto git = row.columnOptionalText(10))
        source.git = wire::gitOriginFromJson(objectOf(git));
    return source;
}

Status consumeUpload(Database &db, const QString &uploadId)
{
    Result<Statement> statement = db.prepare(u"DELETE FROM upload_sessions WHERE id = ?1"_qs);
    if (!statement)
        return statement.error();
    if (Status ran = statement->bind(1, uploadId).run(); !ran)
        return ran;
    if (db.changes() != 1)
        return Error::make(u"upload.not_found"_qs, u"Upload session not found"_qs);
    return {};
}

Result<qint64> insertRow(Database &db, const model::Source &source, const blobs::Manifest &manifest)
{
    Result<Statement> statement = db.prepare(uR"sql(
INSERT INTO sources (project_id, number, author_id, file_count, total_bytes, detection, detection_error, created_at,
                     git)
VALUES (?1, (SELECT COALESCE(MAX(number), 0) + 1 FROM sources WHERE project_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8)
RETURNING id)sql"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, source.projectId).bind(2, source.authorId).bind(3, qint64(manifest.fileCount()));
    statement->bind(4, manifest.totalBytes());
    statement->bind(5, source.detection ? textOf(wire::detectionToJson(*source.detection)) : std::nullopt);
    statement->bind(6, source.detectionError ? textOf(wire::errorObjectToJson(*source.detectionError)) : std::nullopt);
    statement->bind(7, source.createdAt);
    statement->bind(8, source.git ? textOf(wire::gitOriginToJson(*source.git)) : std::nullopt);
    return statement->runForId();
}

Status insertFiles(Database &db, qint64 sourceId, const blobs::Manifest &manifest)
{
    BatchInsert insert(db, u"source_files"_qs, {u"source_id"_qs, u"path"_qs, u"sha256"_qs, u"size"_qs});
    for (const blobs::ManifestEntry &entry : manifest.entries())
        if (Status added = insert.add({sourceId, entry.path, QString::fromLatin1(entry.sha256), entry.size}); !added)
            return added;
    return insert.finish();
}

} // namespace

SourceStore::SourceStore(ConnectionProvider &connections) : m_connections(connections) {}

Result<model::Source> SourceStore::insert(const model::Source &source, const blobs::Manifest &manifest,
                                          const std::optional<QString> &consumedUploadId)
{
    Database &db = m_connections.current();
    qint64 id = 0;
    {
        Transaction transaction(db);
        if (!transaction.begun())
            return transaction.begun().error();
        if (consumedUploadId)
            if (Status consumed = consumeUpload(db, *consumedUploadId); !consumed)
                return consumed.error();
        Result<qint64> inserted = insertRow(db, source, manifest);
        if (!inserted)
            return inserted.error();
        id = *inserted;
        if (Status files = insertFiles(db, id, manifest); !files)
            return files.error();
        if (Status committed = transaction.commit(); !committed)
            return committed.error();
    }
    Result<std::optional<model::Source>> stored = find(id);
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return Error::make(u"source.not_found"_qs, u"Source not found"_qs);
    return **stored;
}

Result<std::optional<model::Source>> SourceStore::find(qint64 id)
{
    Result<QList<model::Source>> rows = collect(u"WHERE s.id = ?1"_qs, id);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<model::Source>() : std::optional<model::Source>(rows->first());
}

Result<QList<model::Source>> SourceStore::listByProject(qint64 projectId)
{
    return collect(u"WHERE s.project_id = ?1 ORDER BY s.number DESC"_qs, projectId);
}

Result<model::Page<model::Source>> SourceStore::pageByProject(qint64 projectId, const model::PageRequest &request)
{
    const qint64 before = request.after ? request.after->number : std::numeric_limits<qint64>::max();
    // Both numbers are integers formatted here, never client text.
    Result<QList<model::Source>> rows = collect(
        u"WHERE s.project_id = ?1 AND s.number < %1 ORDER BY s.number DESC LIMIT %2"_qs.arg(before).arg(request.limit + 1),
        projectId);
    if (!rows)
        return rows.error();
    return model::Page<model::Source>::fromRows(std::move(*rows), request.limit);
}

Result<QList<model::Source>> SourceStore::collect(const QString &where, qint64 key)
{
    Result<Statement> statement = m_connections.current().prepare(SelectColumns + where);
    if (!statement)
        return statement.error();
    statement->bind(1, key);
    QList<model::Source> sources;
    for (;;) {
        Result<bool> more = statement->step();
        if (!more)
            return more.error();
        if (!*more)
            return sources;
        sources.append(readRow(*statement));
    }
}

Result<blobs::Manifest> SourceStore::manifest(qint64 sourceId)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"SELECT path, sha256, size FROM source_files WHERE source_id = ?1 ORDER BY path"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, sourceId);
    QList<blobs::ManifestEntry> entries;
    for (;;) {
        Result<bool> more = statement->step();
        if (!more)
            return more.error();
        if (!*more)
            break;
        entries.append({statement->columnText(0), statement->columnText(1).toLatin1(), statement->columnInt(2)});
    }
    return blobs::Manifest::fromEntries(std::move(entries));
}

Result<QList<qint64>> SourceStore::retentionCandidates(qint64 projectId, int keep)
{
    Result<Statement> statement = m_connections.current().prepare(uR"sql(
SELECT id FROM sources s WHERE project_id = ?1
  AND id NOT IN (SELECT id FROM sources WHERE project_id = ?1 ORDER BY number DESC LIMIT ?2)
  AND NOT EXISTS (SELECT 1 FROM builds b WHERE b.source_id = s.id AND b.status IN ('queued', 'running'))
ORDER BY number)sql"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, projectId).bind(2, qint64(qMax(keep, 0))); // a negative LIMIT is an error on PostgreSQL
    QList<qint64> ids;
    for (;;) {
        Result<bool> more = statement->step();
        if (!more)
            return more.error();
        if (!*more)
            return ids;
        ids.append(statement->columnInt(0));
    }
}

Status SourceStore::remove(qint64 id)
{
    // The build test sits in the DELETE itself: another writer may have
    // queued a build of this source since it was chosen.
    Result<Statement> statement = m_connections.current().prepare(uR"sql(
DELETE FROM sources WHERE id = ?1
  AND NOT EXISTS (SELECT 1 FROM builds b WHERE b.source_id = ?1 AND b.status IN ('queued', 'running')))sql"_qs);
    if (!statement)
        return statement.error();
    return statement->bind(1, id).run();
}

} // namespace ddd::core::storage
