// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/archiveuploadstore.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"

namespace ddd::core::storage {

namespace {

const QString Columns = u"id, project_id, author_id, total_bytes, sha256, created_at, expires_at"_qs;

ArchiveUpload rowOf(const Statement &statement)
{
    return ArchiveUpload{statement.columnText(0), statement.columnInt(1), statement.columnInt(2),
                         statement.columnInt(3),  statement.columnText(4), statement.columnInt(5),
                         statement.columnInt(6)};
}

} // namespace

ArchiveUploadStore::ArchiveUploadStore(ConnectionProvider &connections) : m_connections(connections) {}

Status ArchiveUploadStore::insert(const ArchiveUpload &upload)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"INSERT INTO archive_uploads (id, project_id, author_id, total_bytes, sha256, created_at, expires_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, upload.id).bind(2, upload.projectId).bind(3, upload.authorId).bind(4, upload.totalBytes);
    statement->bind(5, upload.sha256.isEmpty() ? std::nullopt : std::optional<QString>(upload.sha256));
    statement->bind(6, upload.createdAt).bind(7, upload.expiresAt);
    return statement->run();
}

// `numbers` bind to ?1, ?2, … in order, then `text` (when not null) to the next.
Result<QList<ArchiveUpload>> ArchiveUploadStore::select(const QString &where, const QList<qint64> &numbers,
                                                        const QString &text)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"SELECT "_qs + Columns + u" FROM archive_uploads WHERE "_qs + where + u" ORDER BY created_at, id"_qs);
    if (!statement)
        return statement.error();
    int index = 1;
    for (qint64 number : numbers)
        statement->bind(index++, number);
    if (!text.isNull())
        statement->bind(index, text);
    QList<ArchiveUpload> rows;
    for (;;) {
        Result<bool> more = statement->step();
        if (!more)
            return more.error();
        if (!*more)
            return rows;
        rows.append(rowOf(*statement));
    }
}

Result<std::optional<ArchiveUpload>> ArchiveUploadStore::findUnexpired(const QString &id, qint64 nowMs)
{
    Result<QList<ArchiveUpload>> rows = select(u"expires_at > ?1 AND id = ?2"_qs, {nowMs}, id);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<ArchiveUpload>() : std::optional<ArchiveUpload>(rows->first());
}

Result<QList<ArchiveUpload>> ArchiveUploadStore::listUnexpired(qint64 authorId, qint64 projectId, qint64 nowMs)
{
    if (projectId > 0)
        return select(u"author_id = ?1 AND expires_at > ?2 AND project_id = ?3"_qs, {authorId, nowMs, projectId}, {});
    return select(u"author_id = ?1 AND expires_at > ?2"_qs, {authorId, nowMs}, {});
}

Result<qint64> ArchiveUploadStore::countUnexpired(qint64 authorId, qint64 nowMs)
{
    Result<QList<ArchiveUpload>> rows = listUnexpired(authorId, 0, nowMs);
    if (!rows)
        return rows.error();
    return qint64(rows->size());
}

Status ArchiveUploadStore::touch(const QString &id, qint64 expiresAt)
{
    Result<Statement> statement =
        m_connections.current().prepare(u"UPDATE archive_uploads SET expires_at = ?1 WHERE id = ?2"_qs);
    if (!statement)
        return statement.error();
    return statement->bind(1, expiresAt).bind(2, id).run();
}

Status ArchiveUploadStore::remove(const QString &id)
{
    Result<Statement> statement = m_connections.current().prepare(u"DELETE FROM archive_uploads WHERE id = ?1"_qs);
    if (!statement)
        return statement.error();
    return statement->bind(1, id).run();
}

Result<QStringList> ArchiveUploadStore::removeExpired(qint64 nowMs)
{
    Result<QList<ArchiveUpload>> expired = select(u"expires_at <= ?1"_qs, {nowMs}, {});
    if (!expired)
        return expired.error();
    QStringList ids;
    for (const ArchiveUpload &row : std::as_const(*expired)) {
        if (Status removed = remove(row.id); !removed)
            return removed.error();
        ids.append(row.id);
    }
    return ids;
}

Result<QStringList> ArchiveUploadStore::allIds()
{
    Result<QList<ArchiveUpload>> rows = select(u"1 = 1"_qs, {}, {});
    if (!rows)
        return rows.error();
    QStringList ids;
    for (const ArchiveUpload &row : std::as_const(*rows))
        ids.append(row.id);
    return ids;
}

} // namespace ddd::core::storage
