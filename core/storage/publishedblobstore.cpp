// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/publishedblobstore.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"

namespace ddd::core::storage {

PublishedBlobStore::PublishedBlobStore(ConnectionProvider &connections) : m_connections(connections) {}

Result<QSet<QByteArray>> PublishedBlobStore::published(const QString &store, const QList<QByteArray> &sha256s)
{
    return publishedIn(m_connections.current(), store, sha256s);
}

Result<QSet<QByteArray>> PublishedBlobStore::publishedIn(Database &db, const QString &store,
                                                         const QList<QByteArray> &sha256s)
{
    Result<Statement> statement = db.prepare(
        u"SELECT 1 FROM published_blobs WHERE store = ?1 AND sha256 = ?2"_qs);
    if (!statement)
        return statement.error();
    QSet<QByteArray> found;
    for (const QByteArray &sha256 : sha256s) {
        statement->reset();
        statement->bind(1, store).bind(2, QString::fromLatin1(sha256));
        Result<bool> row = statement->step();
        if (!row)
            return row.error();
        if (*row)
            found.insert(sha256);
    }
    return found;
}

Status PublishedBlobStore::record(const QString &store, const QList<QByteArray> &sha256s, qint64 nowMs)
{
    if (sha256s.isEmpty())
        return {};
    Database &db = m_connections.current();
    Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun();
    Result<Statement> statement = db.prepare(
        u"INSERT INTO published_blobs (store, sha256, published_at) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (store, sha256) DO NOTHING"_qs);
    if (!statement)
        return statement.error();
    for (const QByteArray &sha256 : sha256s) {
        statement->reset();
        statement->bind(1, store).bind(2, QString::fromLatin1(sha256)).bind(3, nowMs);
        if (Status stored = statement->run(); !stored)
            return stored;
    }
    return transaction.commit();
}

} // namespace ddd::core::storage
