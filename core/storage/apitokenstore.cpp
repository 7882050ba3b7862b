// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/apitokenstore.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"

#include <QStringList>

#include <algorithm>

namespace ddd::core::storage {

namespace {

const QString kColumns = u"id, user_id, name, capabilities, project_id, expires_at, created_at, last_used_at"_qs;

QString capabilitiesText(const QSet<QString> &capabilities)
{
    QStringList sorted(capabilities.cbegin(), capabilities.cend());
    std::sort(sorted.begin(), sorted.end());
    return sorted.join(u',');
}

model::ApiToken tokenFromRow(const Statement &row)
{
    const QStringList capabilities = row.columnText(3).split(u',', Qt::SkipEmptyParts);
    return model::ApiToken{row.columnInt(0),
                           row.columnInt(1),
                           row.columnText(2),
                           QSet<QString>(capabilities.cbegin(), capabilities.cend()),
                           row.columnOptionalInt(4),
                           row.columnOptionalInt(5),
                           row.columnInt(6),
                           row.columnOptionalInt(7)};
}

Error notFound()
{
    return Error::make(u"token.not_found"_qs, u"no such API token"_qs);
}

} // namespace

ApiTokenStore::ApiTokenStore(ConnectionProvider &connections) : m_connections(connections) {}

Result<model::ApiToken> ApiTokenStore::insert(const model::ApiToken &token, const QByteArray &secretHash)
{
    Database &db = m_connections.current();
    Result<Statement> insert = db.prepare(
        u"INSERT INTO api_tokens (user_id, name, secret_hash, capabilities, project_id, expires_at, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id"_qs);
    if (!insert)
        return insert.error();
    insert->bind(1, token.userId).bind(2, token.name).bind(3, secretHash);
    insert->bind(4, capabilitiesText(token.capabilities)).bind(5, token.projectId);
    insert->bind(6, token.expiresAt).bind(7, token.createdAt);
    Result<qint64> inserted = insert->runForId();
    // The owner was authenticated moments ago and the secret hash is 256
    // random bits, so a failed constraint can only be the project reference.
    if (!inserted && inserted.error().code == u"storage.constraint" && token.projectId)
        return Error::make(u"project.not_found"_qs, u"no such project"_qs);
    if (!inserted)
        return inserted.error();
    model::ApiToken stored = token;
    stored.id = *inserted;
    return stored;
}

Result<QList<model::ApiToken>> ApiTokenStore::listForUser(qint64 userId)
{
    Result<Statement> query = m_connections.current().prepare(
        u"SELECT "_qs + kColumns + u" FROM api_tokens WHERE user_id = ?1 ORDER BY id"_qs);
    if (!query)
        return query.error();
    query->bind(1, userId);
    return query->collect<model::ApiToken>([](const Statement &row) { return tokenFromRow(row); });
}

Result<model::ApiToken> ApiTokenStore::findBySecretHash(const QByteArray &secretHash)
{
    Result<Statement> query = m_connections.current().prepare(
        u"SELECT "_qs + kColumns + u" FROM api_tokens WHERE secret_hash = ?1"_qs);
    if (!query)
        return query.error();
    query->bind(1, secretHash);
    Result<bool> row = query->step();
    if (!row)
        return row.error();
    if (!*row)
        return notFound();
    return tokenFromRow(*query);
}

Status ApiTokenStore::remove(qint64 userId, qint64 tokenId)
{
    Database &db = m_connections.current();
    Result<Statement> remove = db.prepare(u"DELETE FROM api_tokens WHERE id = ?1 AND user_id = ?2"_qs);
    if (!remove)
        return remove.error();
    if (Status done = remove->bind(1, tokenId).bind(2, userId).run(); !done)
        return done;
    return db.changes() > 0 ? Status() : Status(notFound());
}

Result<bool> ApiTokenStore::touch(qint64 tokenId, qint64 nowMs, qint64 minIntervalMs)
{
    Database &db = m_connections.current();
    Result<Statement> update = db.prepare(u"UPDATE api_tokens SET last_used_at = ?2 "
                                          "WHERE id = ?1 AND (last_used_at IS NULL OR last_used_at <= ?2 - ?3)"_qs);
    if (!update)
        return update.error();
    if (Status done = update->bind(1, tokenId).bind(2, nowMs).bind(3, minIntervalMs).run(); !done)
        return done.error();
    return db.changes() > 0;
}

} // namespace ddd::core::storage
