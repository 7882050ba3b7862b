// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/publishedblobstore.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"

#include <QStringList>

#include <functional>

namespace ddd::core::storage {

namespace {

// Hashes per statement: a deploy of 10,000 files claims its blobs in 20
// round trips to PostgreSQL rather than 10,000.
constexpr qsizetype BatchSize = 500;

// Runs `sql`, whose %1 stands for a list of hashes bound from ?`firstIndex`
// on, once per batch, and answers the hashes of the rows it returns.
Result<QSet<QByteArray>> hashesMatching(Database &db, const QString &sql, int firstIndex,
                                        const QList<QByteArray> &sha256s,
                                        const std::function<void(Statement &)> &bindOthers)
{
    QSet<QByteArray> found;
    for (qsizetype from = 0; from < sha256s.size(); from += BatchSize) {
        const QList<QByteArray> batch = sha256s.mid(from, BatchSize);
        QStringList placeholders;
        for (qsizetype i = 0; i < batch.size(); ++i)
            placeholders.append(u"?"_qs + QString::number(firstIndex + i));
        Result<Statement> statement = db.prepare(sql.arg(placeholders.join(u", "_qs)));
        if (!statement)
            return statement.error();
        bindOthers(*statement);
        for (qsizetype i = 0; i < batch.size(); ++i)
            statement->bind(int(firstIndex + i), QString::fromLatin1(batch.at(i)));
        Result<QList<QByteArray>> rows =
            statement->collect<QByteArray>([](const Statement &row) { return row.columnText(0).toLatin1(); });
        if (!rows)
            return rows.error();
        for (const QByteArray &sha256 : std::as_const(*rows))
            found.insert(sha256);
    }
    return found;
}

} // namespace

PublishedBlobStore::PublishedBlobStore(ConnectionProvider &connections) : m_connections(connections) {}

Result<QSet<QByteArray>> PublishedBlobStore::published(const QString &store, const QList<QByteArray> &sha256s)
{
    return publishedIn(m_connections.current(), store, sha256s);
}

Result<QSet<QByteArray>> PublishedBlobStore::publishedIn(Database &db, const QString &store,
                                                         const QList<QByteArray> &sha256s)
{
    return hashesMatching(db, u"SELECT sha256 FROM published_blobs WHERE store = ?1 AND sha256 IN (%1)"_qs, 2,
                          sha256s, [&store](Statement &statement) { statement.bind(1, store); });
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
    Result<QSet<QByteArray>> claimed = hashesMatching(
        db, u"UPDATE published_blobs SET claimed_at = ?2 WHERE store = ?1 AND sha256 IN (%1) RETURNING sha256"_qs, 3,
        sha256s, [&](Statement &statement) { statement.bind(1, store).bind(2, nowMs); });
    if (!claimed)
        return claimed.error();
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
