// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/loginfailurestore.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"

namespace ddd::core::storage {

namespace {

// Runs `sql` once per key, bound to ?1 (and `atMs` to ?2 when given), in one transaction.
Status runForEachKey(Database &db, const QString &sql, const QStringList &keys, std::optional<qint64> atMs = {})
{
    Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    Result<Statement> statement = db.prepare(sql);
    if (!statement)
        return statement.error();
    for (const QString &key : keys) {
        statement->reset();
        statement->bind(1, key);
        if (atMs)
            statement->bind(2, *atMs);
        if (Status done = statement->run(); !done)
            return done;
    }
    return tx.commit();
}

} // namespace

LoginFailureStore::LoginFailureStore(ConnectionProvider &connections) : m_connections(connections) {}

Result<std::optional<qint64>> LoginFailureStore::nthLatest(const QString &key, int n, qint64 afterMs)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"SELECT at_ms FROM login_failures WHERE key = ?1 AND at_ms > ?2 ORDER BY at_ms DESC LIMIT 1 OFFSET ?3"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, key).bind(2, afterMs).bind(3, qint64(n - 1));
    Result<bool> row = statement->step();
    if (!row)
        return row.error();
    return *row ? std::optional<qint64>(statement->columnInt(0)) : std::nullopt;
}

Status LoginFailureStore::record(const QStringList &keys, qint64 atMs)
{
    return runForEachKey(m_connections.current(), u"INSERT INTO login_failures (key, at_ms) VALUES (?1, ?2)"_qs,
                         keys, atMs);
}

Status LoginFailureStore::forget(const QStringList &keys)
{
    return runForEachKey(m_connections.current(), u"DELETE FROM login_failures WHERE key = ?1"_qs, keys);
}

Status LoginFailureStore::forgetUpTo(qint64 cutoffMs)
{
    Result<Statement> statement =
        m_connections.current().prepare(u"DELETE FROM login_failures WHERE at_ms <= ?1"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, cutoffMs);
    return statement->run();
}

} // namespace ddd::core::storage
