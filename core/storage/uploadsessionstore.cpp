// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/uploadsessionstore.h"

#include "core/blobs/manifest.h"
#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"

#include <QLoggingCategory>

namespace ddd::core::storage {

namespace {

Q_LOGGING_CATEGORY(lcSessions, "ddd.core.storage")

} // namespace

UploadSessionStore::UploadSessionStore(ConnectionProvider &connections) : m_connections(connections) {}

Status UploadSessionStore::insert(const UploadSession &session)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"INSERT INTO upload_sessions (id, project_id, author_id, manifest, created_at, expires_at, kind) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, session.id).bind(2, session.projectId).bind(3, session.authorId);
    statement->bind(4, QString::fromUtf8(session.manifestJson)).bind(5, session.createdAt).bind(6, session.expiresAt);
    statement->bind(7, session.source ? u"source"_qs : u"version"_qs);
    return statement->run();
}

Result<std::optional<UploadSession>> UploadSessionStore::findUnexpired(const QString &id, qint64 nowMs)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"SELECT id, project_id, author_id, manifest, created_at, expires_at, kind FROM upload_sessions "
        "WHERE id = ?1 AND expires_at > ?2"_qs);
    if (!statement)
        return statement.error();
    Result<bool> row = statement->bind(1, id).bind(2, nowMs).step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<UploadSession>();
    return std::optional<UploadSession>(UploadSession{statement->columnText(0), statement->columnInt(1),
                                                      statement->columnInt(2), statement->columnText(3).toUtf8(),
                                                      statement->columnInt(4), statement->columnInt(5),
                                                      statement->columnText(6) == u"source"});
}

Result<QSet<QByteArray>> UploadSessionStore::unexpiredHashes(qint64 nowMs)
{
    Result<Statement> statement =
        m_connections.current().prepare(u"SELECT manifest FROM upload_sessions WHERE expires_at > ?1"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, nowMs);
    QSet<QByteArray> hashes;
    for (;;) {
        Result<bool> more = statement->step();
        if (!more)
            return more.error();
        if (!*more)
            return hashes;
        Result<blobs::Manifest> manifest = blobs::Manifest::fromJson(statement->columnText(0).toUtf8());
        // Sessions hold manifests this agent wrote; an unreadable one protects
        // nothing, and refusing to collect would let the disk fill up.
        if (!manifest) {
            qCWarning(lcSessions) << "Unreadable upload session manifest:" << manifest.error().message;
            continue;
        }
        for (const blobs::ManifestEntry &entry : manifest->entries())
            hashes.insert(entry.sha256);
    }
}

Result<int> UploadSessionStore::removeExpired(qint64 nowMs)
{
    Database &db = m_connections.current();
    Result<Statement> statement = db.prepare(u"DELETE FROM upload_sessions WHERE expires_at <= ?1"_qs);
    if (!statement)
        return statement.error();
    if (Status ran = statement->bind(1, nowMs).run(); !ran)
        return ran.error();
    return db.changes();
}

} // namespace ddd::core::storage
