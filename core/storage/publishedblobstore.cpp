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

Result<QSet<QByteArray>> PublishedBlobStore::claim(const QString &store, const QList<QByteArray> &sha256s,
                                                   qint64 nowMs)
{
    if (sha256s.isEmpty())
        return QSet<QByteArray>();
    Database &db = m_connections.current();
    Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun().error();
    Result<Statement> statement = db.prepare(
        u"UPDATE published_blobs SET claimed_at = ?3 WHERE store = ?1 AND sha256 = ?2"_qs);
    if (!statement)
        return statement.error();
    QSet<QByteArray> claimed;
    for (const QByteArray &sha256 : sha256s) {
        statement->reset();
        statement->bind(1, store).bind(2, QString::fromLatin1(sha256)).bind(3, nowMs);
        if (Status updated = statement->run(); !updated)
            return updated.error();
        if (db.changes() == 1)
            claimed.insert(sha256);
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return claimed;
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
        u"INSERT INTO published_blobs (store, sha256, published_at, claimed_at) VALUES (?1, ?2, ?3, ?3) "
        "ON CONFLICT (store, sha256) DO UPDATE SET claimed_at = excluded.claimed_at"_qs);
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

Result<QList<QByteArray>> PublishedBlobStore::unclaimedSince(const QString &store, qint64 beforeMs)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"SELECT sha256 FROM published_blobs WHERE store = ?1 AND claimed_at < ?2"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, store).bind(2, beforeMs);
    return statement->collect<QByteArray>([](Statement &row) { return row.columnText(0).toLatin1(); });
}

Result<bool> PublishedBlobStore::withdraw(const QString &store, const QByteArray &sha256, qint64 beforeMs,
                                          const std::function<Status()> &removeObject)
{
    Database &db = m_connections.current();
    Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun().error();
    Result<Statement> statement = db.prepare(
        u"DELETE FROM published_blobs WHERE store = ?1 AND sha256 = ?2 AND claimed_at < ?3"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, store).bind(2, QString::fromLatin1(sha256)).bind(3, beforeMs);
    if (Status deleted = statement->run(); !deleted)
        return deleted.error();
    if (db.changes() != 1)
        return false; // claimed meanwhile, or already gone
    if (Status removed = removeObject(); !removed)
        return removed.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return true;
}

} // namespace ddd::core::storage
