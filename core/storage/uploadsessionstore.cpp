// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/uploadsessionstore.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"

namespace ddd::core::storage {

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

Result<QList<QByteArray>> UploadSessionStore::unexpiredManifests(qint64 nowMs)
{
    Result<Statement> statement =
        m_connections.current().prepare(u"SELECT manifest FROM upload_sessions WHERE expires_at > ?1"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, nowMs);
    QList<QByteArray> manifests;
    for (;;) {
        Result<bool> more = statement->step();
        if (!more)
            return more.error();
        if (!*more)
            return manifests;
        manifests.append(statement->columnText(0).toUtf8());
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
