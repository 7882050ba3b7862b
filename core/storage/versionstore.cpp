// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/versionstore.h"

#include "core/storage/batchinsert.h"
#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"
#include "core/storage/uniquebytes.h"

#include <limits>

namespace ddd::core::storage {

namespace {

using model::Version;

const QString SelectColumns = uR"sql(
SELECT v.id, v.project_id, v.number, v.status, v.source, v.file_count, v.total_bytes, v.pinned,
       v.author_id, u.email, v.created_at, v.activated_at, v.diff_added, v.diff_changed,
       v.diff_removed, v.bytes_added, v.bytes_removed, v.error_code, v.error_message, b.id, b.source_id
FROM versions v LEFT JOIN users u ON u.id = v.author_id
                LEFT JOIN builds b ON b.version_id = v.id )sql"_qs;

Error notFound()
{
    return Error::make(u"deploy.not_found"_qs, u"Version not found"_qs);
}

Error corrupt(const QString &what)
{
    return Error::make(u"storage.corrupt"_qs, u"Unreadable version row: "_qs + what);
}

Result<Version> readRow(const Statement &row)
{
    Version version;
    version.id = row.columnInt(0);
    version.projectId = row.columnInt(1);
    version.number = row.columnInt(2);
    const auto status = model::versionStatusFromName(row.columnText(3));
    const auto source = model::versionSourceFromName(row.columnText(4));
    if (!status || !source)
        return corrupt(row.columnText(3) + u' ' + row.columnText(4));
    version.status = *status;
    version.source = *source;
    version.fileCount = row.columnInt(5);
    version.totalBytes = row.columnInt(6);
    version.pinned = row.columnInt(7) != 0;
    version.authorId = row.columnOptionalInt(8);
    version.authorEmail = row.columnOptionalText(9).value_or(QString());
    version.createdAt = row.columnInt(10);
    version.activatedAt = row.columnOptionalInt(11);
    version.diff = {row.columnInt(12), row.columnInt(13), row.columnInt(14), row.columnInt(15), row.columnInt(16)};
    if (const auto code = row.columnOptionalText(17))
        version.error = Error::make(*code, row.columnOptionalText(18).value_or(QString()));
    version.buildId = row.columnOptionalInt(19);
    version.sourceId = row.columnOptionalInt(20);
    return version;
}

// Runs a statement that takes one id and must touch one row.
Status updateOne(Database &db, const QString &sql, qint64 id)
{
    Result<Statement> statement = db.prepare(sql);
    if (!statement)
        return statement.error();
    if (Status ran = statement->bind(1, id).run(); !ran)
        return ran;
    return db.changes() == 1 ? Status() : Status(notFound());
}

Result<qint64> nextNumber(Database &db, qint64 projectId)
{
    Result<Statement> bump = db.prepare(
        u"UPDATE projects SET versions_created = versions_created + 1 WHERE id = ?1 RETURNING versions_created"_qs);
    if (!bump)
        return bump.error();
    Result<bool> row = bump->bind(1, projectId).step();
    if (!row)
        return row.error();
    if (!*row)
        return Error::make(u"project.not_found"_qs, u"Project not found"_qs);
    return bump->columnInt(0);
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

Result<qint64> insertRow(Database &db, const NewVersion &version, qint64 number)
{
    Result<Statement> statement = db.prepare(uR"sql(
INSERT INTO versions (project_id, number, status, source, author_id, file_count, total_bytes, manifest_hash,
                      diff_added, diff_changed, diff_removed, bytes_added, bytes_removed, created_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)
RETURNING id)sql"_qs);
    if (!statement)
        return statement.error();
    qint64 totalBytes = 0;
    for (const model::VersionFile &file : version.files)
        totalBytes += file.size;
    statement->bind(1, version.projectId).bind(2, number).bind(3, model::versionStatusName(version.status));
    statement->bind(4, model::versionSourceName(version.source)).bind(5, version.authorId);
    statement->bind(6, qint64(version.files.size())).bind(7, totalBytes);
    statement->bind(8, QString::fromLatin1(version.manifestHash));
    statement->bind(9, version.diff.added).bind(10, version.diff.changed).bind(11, version.diff.removed);
    statement->bind(12, version.diff.bytesAdded).bind(13, version.diff.bytesRemoved).bind(14, version.createdAt);
    return statement->runForId();
}

Result<QList<qint64>> collectIds(Statement &statement)
{
    QList<qint64> ids;
    for (;;) {
        Result<bool> more = statement.step();
        if (!more)
            return more.error();
        if (!*more)
            return ids;
        ids.append(statement.columnInt(0));
    }
}

} // namespace

VersionStore::VersionStore(ConnectionProvider &connections) : m_connections(connections) {}

Result<Version> VersionStore::insert(const NewVersion &version)
{
    Database &db = m_connections.current();
    qint64 id = 0;
    {
        Transaction transaction(db);
        if (!transaction.begun())
            return transaction.begun().error();
        if (version.consumedUploadId)
            if (Status consumed = consumeUpload(db, *version.consumedUploadId); !consumed)
                return consumed.error();
        Result<qint64> number = nextNumber(db, version.projectId);
        if (!number)
            return number.error();
        Result<qint64> inserted = insertRow(db, version, *number);
        if (!inserted)
            return inserted.error();
        id = *inserted;
        if (Status files = insertFiles(id, version.files); !files)
            return files.error();
        if (Status counted = UniqueBytes::afterInsert(db, id); !counted)
            return counted.error();
        if (Status committed = transaction.commit(); !committed)
            return committed.error();
    }
    Result<std::optional<Version>> stored = find(id);
    if (!stored)
        return stored.error();
    return stored->has_value() ? Result<Version>(**stored) : Result<Version>(notFound());
}

Status VersionStore::insertFiles(qint64 versionId, const QList<model::VersionFile> &files)
{
    BatchInsert insert(m_connections.current(), u"version_files"_qs,
                       {u"version_id"_qs, u"path"_qs, u"sha256"_qs, u"size"_qs});
    for (const model::VersionFile &file : files)
        if (Status added = insert.add({versionId, file.path, file.sha256, file.size}); !added)
            return added;
    return insert.finish();
}

Result<std::optional<Version>> VersionStore::find(qint64 id)
{
    Result<QList<Version>> rows = collect(u"WHERE v.id = ?1"_qs, id);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<Version>() : std::optional<Version>(rows->first());
}

Result<std::optional<VersionStore::VersionRef>> VersionStore::findByNumber(qint64 projectId, qint64 number)
{
    Result<Statement> statement =
        m_connections.current().prepare(u"SELECT id, status FROM versions WHERE project_id = ?1 AND number = ?2"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, projectId).bind(2, number);
    Result<bool> found = statement->step();
    if (!found)
        return found.error();
    if (!*found)
        return std::optional<VersionRef>();
    const auto status = model::versionStatusFromName(statement->columnText(1));
    if (!status)
        return Error::make(u"storage.corrupt"_qs, u"Unknown version status"_qs);
    return std::optional<VersionRef>(VersionRef{statement->columnInt(0), *status});
}

Result<QList<Version>> VersionStore::listByProject(qint64 projectId)
{
    return collect(u"WHERE v.project_id = ?1 ORDER BY v.number DESC"_qs, projectId);
}

Result<std::optional<qint64>> VersionStore::projectOf(qint64 id)
{
    Result<Statement> statement = m_connections.current().prepare(u"SELECT project_id FROM versions WHERE id = ?1"_qs);
    if (!statement)
        return statement.error();
    Result<bool> found = statement->bind(1, id).step();
    if (!found)
        return found.error();
    return *found ? std::optional<qint64>(statement->columnInt(0)) : std::nullopt;
}

Result<model::Page<Version>> VersionStore::pageByProject(qint64 projectId, const model::PageRequest &request)
{
    const qint64 before = request.after ? request.after->number : std::numeric_limits<qint64>::max();
    // Both numbers are integers formatted here, never client text.
    Result<QList<Version>> rows = collect(u"WHERE v.project_id = ?1 AND v.number < %1 ORDER BY v.number DESC LIMIT %2"_qs
                                              .arg(before)
                                              .arg(request.limit + 1),
                                          projectId);
    if (!rows)
        return rows.error();
    return model::Page<Version>::fromRows(std::move(*rows), request.limit);
}

// `where` is one of our own literals, never client input.
Result<QList<Version>> VersionStore::collect(const QString &where, qint64 key)
{
    Result<Statement> statement = m_connections.current().prepare(SelectColumns + where);
    if (!statement)
        return statement.error();
    statement->bind(1, key);
    QList<Version> versions;
    for (;;) {
        Result<bool> more = statement->step();
        if (!more)
            return more.error();
        if (!*more)
            break;
        Result<Version> version = readRow(*statement);
        if (!version)
            return version.error();
        versions.append(std::move(version).value());
    }
    for (Version &version : versions) {
        Result<qint64> unique = uniqueBytes(version.id);
        if (!unique)
            return unique.error();
        version.uniqueBytes = *unique;
    }
    return versions;
}

Result<QList<model::VersionFile>> VersionStore::files(qint64 versionId)
{
    // SQLite's binary collation compares UTF-8 bytes: code point order.
    Result<Statement> statement = m_connections.current().prepare(
        u"SELECT path, sha256, size FROM version_files WHERE version_id = ?1 ORDER BY path"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, versionId);
    QList<model::VersionFile> files;
    for (;;) {
        Result<bool> more = statement->step();
        if (!more)
            return more.error();
        if (!*more)
            return files;
        files.append({statement->columnText(0), statement->columnText(1), statement->columnInt(2)});
    }
}

Result<model::Page<model::VersionFile>> VersionStore::filesPage(qint64 versionId, const model::PageRequest &request)
{
    // The primary key (version_id, path) serves the range. Every path that
    // starts with the prefix sorts below prefix + U+10FFFF, and every path
    // in [prefix, that) starts with the prefix.
    Result<Statement> statement = m_connections.current().prepare(uR"sql(
SELECT path, sha256, size FROM version_files
WHERE version_id = ?1 AND path > ?2 AND path >= ?3 AND (CAST(?4 AS TEXT) IS NULL OR path < ?4)
ORDER BY path LIMIT ?5)sql"_qs);
    if (!statement)
        return statement.error();
    const QString after = request.after ? request.after->path : QString(u""_qs);
    statement->bind(1, versionId).bind(2, after).bind(3, request.prefix);
    if (request.prefix.isEmpty())
        statement->bindNull(4);
    else
        statement->bind(4, request.prefix + QString::fromUcs4(U"\U0010FFFF", 1));
    statement->bind(5, qint64(request.limit) + 1);
    QList<model::VersionFile> files;
    for (;;) {
        Result<bool> more = statement->step();
        if (!more)
            return more.error();
        if (!*more)
            return model::Page<model::VersionFile>::fromRows(std::move(files), request.limit);
        files.append({statement->columnText(0), statement->columnText(1), statement->columnInt(2)});
    }
}

Result<qint64> VersionStore::uniqueBytes(qint64 versionId)
{
    return UniqueBytes::read(m_connections.current(), versionId);
}

Status VersionStore::forgetUniqueBytes()
{
    return UniqueBytes::forgetAll(m_connections.current());
}

Status VersionStore::setPinned(qint64 id, bool pinned)
{
    Database &db = m_connections.current();
    Result<Statement> statement = db.prepare(u"UPDATE versions SET pinned = ?2 WHERE id = ?1"_qs);
    if (!statement)
        return statement.error();
    if (Status ran = statement->bind(1, id).bind(2, pinned).run(); !ran)
        return ran;
    return db.changes() == 1 ? Status() : Status(notFound());
}

Status VersionStore::remove(qint64 id)
{
    Result<bool> removed = removeWhere(id, u"status <> 'live'"_qs);
    if (!removed)
        return removed.error();
    if (*removed)
        return {};
    Result<std::optional<Version>> existing = find(id);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error::make(u"deploy.is_live"_qs, u"The live version cannot be deleted; activate another one first"_qs);
    return notFound();
}

Result<bool> VersionStore::removeExpired(qint64 id)
{
    return removeWhere(id, u"status <> 'live' AND pinned = 0"_qs);
}

// The condition sits in the DELETE itself, so an activation or a pin racing
// this call (on this agent or another writer) can never lose its version.
Result<bool> VersionStore::removeWhere(qint64 id, const QString &condition)
{
    Database &db = m_connections.current();
    Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun().error();
    if (Status counted = UniqueBytes::beforeRemove(db, id); !counted)
        return counted.error();
    Status deleted = updateOne(db, u"DELETE FROM versions WHERE id = ?1 AND "_qs + condition, id);
    if (!deleted && deleted.error().code == u"deploy.not_found")
        return false; // rolled back with the counts
    if (!deleted)
        return deleted.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return true;
}

Status VersionStore::markFailed(qint64 id, const Error &error)
{
    Database &db = m_connections.current();
    Result<Statement> statement =
        db.prepare(u"UPDATE versions SET status = 'failed', error_code = ?2, error_message = ?3 WHERE id = ?1"_qs);
    if (!statement)
        return statement.error();
    if (Status ran = statement->bind(1, id).bind(2, error.code).bind(3, error.message).run(); !ran)
        return ran;
    return db.changes() == 1 ? Status() : Status(notFound());
}

Result<int> VersionStore::failUnfinished(const Error &error)
{
    Database &db = m_connections.current();
    Result<Statement> statement = db.prepare(
        u"UPDATE versions SET status = 'failed', error_code = ?1, error_message = ?2 "
        "WHERE status IN ('uploading', 'processing')"_qs);
    if (!statement)
        return statement.error();
    if (Status ran = statement->bind(1, error.code).bind(2, error.message).run(); !ran)
        return ran.error();
    return db.changes();
}

Result<QSet<QByteArray>> VersionStore::hashesAt(const QStringList &paths)
{
    Result<Statement> statement =
        m_connections.current().prepare(u"SELECT DISTINCT sha256 FROM version_files WHERE path = ?1"_qs);
    if (!statement)
        return statement.error();
    QSet<QByteArray> hashes;
    for (const QString &path : paths) {
        statement->reset();
        statement->bind(1, path);
        for (Result<bool> more = statement->step(); !more || *more; more = statement->step()) {
            if (!more)
                return more.error();
            hashes.insert(statement->columnText(0).toLatin1());
        }
    }
    return hashes;
}

Result<QSet<QByteArray>> VersionStore::referencedHashes()
{
    Result<Statement> statement = m_connections.current().prepare(
        u"SELECT sha256 FROM version_files UNION SELECT sha256 FROM source_files "
        "UNION SELECT variant_sha256 FROM blob_variants WHERE variant_sha256 IS NOT NULL"_qs);
    if (!statement)
        return statement.error();
    QSet<QByteArray> hashes;
    for (;;) {
        Result<bool> more = statement->step();
        if (!more)
            return more.error();
        if (!*more)
            return hashes;
        hashes.insert(statement->columnText(0).toLatin1());
    }
}

Result<QList<qint64>> VersionStore::versionsUsing(const QByteArray &sha256)
{
    Result<Statement> statement =
        m_connections.current().prepare(u"SELECT DISTINCT version_id FROM version_files WHERE sha256 = ?1 ORDER BY version_id"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, QString::fromLatin1(sha256));
    return collectIds(*statement);
}

Result<QList<qint64>> VersionStore::retentionCandidates(qint64 projectId, int keep)
{
    Result<Statement> statement = m_connections.current().prepare(uR"sql(
SELECT id FROM versions
WHERE project_id = ?1 AND pinned = 0 AND status <> 'live'
  AND id NOT IN (SELECT id FROM versions WHERE project_id = ?1 ORDER BY number DESC LIMIT ?2)
  AND id NOT IN (SELECT id FROM versions WHERE project_id = ?1 AND status = 'retired'
                 ORDER BY activation_seq DESC LIMIT 1)
ORDER BY number)sql"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, projectId).bind(2, qint64(qMax(keep, 0)));
    return collectIds(*statement);
}

} // namespace ddd::core::storage
