// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/userstore.h"

#include "core/model/emailaddress.h"
#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"
#include "core/util/clock.h"

namespace ddd::core::storage {

namespace {

const QString kColumns = u"id, email, role, token_version, created_at, updated_at"_qs;

model::User userFromRow(const Statement &row)
{
    return model::User{row.columnInt(0), row.columnText(1),
                       model::roleFromName(row.columnText(2)).value_or(model::Role::User), row.columnInt(3),
                       row.columnInt(4), row.columnInt(5)};
}

Error notFound()
{
    return Error::make(u"user.not_found"_qs, u"no such user"_qs);
}

// Steps a query that selects kColumns of at most one user.
Result<model::User> singleUser(Statement &query)
{
    Result<bool> row = query.step();
    if (!row)
        return row.error();
    if (!*row)
        return notFound();
    return userFromRow(query);
}

} // namespace

UserStore::UserStore(ConnectionProvider &connections, const Clock &clock) : m_connections(connections), m_clock(clock)
{
}

Result<model::User> UserStore::create(const QString &email, const QString &passwordHash,
                                      std::optional<model::Role> role)
{
    Database &db = m_connections.current();
    Transaction tx(db);
    if (!tx.begun())
        return tx.begun().error();
    Result<Statement> insert = db.prepare(
        u"INSERT INTO users (email, email_key, password_hash, role, token_version, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, COALESCE(?4, CASE WHEN EXISTS (SELECT 1 FROM users) THEN 'user' ELSE 'operator' END), "
        "0, ?5, ?5) RETURNING "_qs + kColumns);
    if (!insert)
        return insert.error();
    const std::optional<QString> roleText = role ? std::optional(model::roleName(*role)) : std::nullopt;
    insert->bind(1, email.trimmed()).bind(2, model::EmailAddress::key(email)).bind(3, passwordHash);
    insert->bind(4, roleText).bind(5, m_clock.nowMs());
    Result<bool> row = insert->step();
    if (!row && row.error().code == u"storage.constraint")
        return Error::make(u"user.email_taken"_qs, u"an account with this e-mail address exists"_qs);
    if (!row)
        return row.error();
    const model::User user = userFromRow(*insert);
    insert->reset(); // a RETURNING statement must finish before COMMIT
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    return user;
}

Result<model::User> UserStore::findById(qint64 userId)
{
    Result<Statement> query = m_connections.current().prepare(u"SELECT "_qs + kColumns + u" FROM users WHERE id = ?1"_qs);
    if (!query)
        return query.error();
    query->bind(1, userId);
    return singleUser(*query);
}

Result<model::User> UserStore::findByEmail(const QString &email)
{
    Result<Statement> query =
        m_connections.current().prepare(u"SELECT "_qs + kColumns + u" FROM users WHERE email_key = ?1"_qs);
    if (!query)
        return query.error();
    query->bind(1, model::EmailAddress::key(email));
    return singleUser(*query);
}

Result<QString> UserStore::passwordHash(qint64 userId)
{
    Result<Statement> query = m_connections.current().prepare(u"SELECT password_hash FROM users WHERE id = ?1"_qs);
    if (!query)
        return query.error();
    query->bind(1, userId);
    Result<bool> row = query->step();
    if (!row)
        return row.error();
    if (!*row)
        return notFound();
    return query->columnText(0);
}

Result<qint64> UserStore::count()
{
    Result<Statement> query = m_connections.current().prepare(u"SELECT count(*) FROM users"_qs);
    if (!query)
        return query.error();
    Result<bool> row = query->step();
    if (!row)
        return row.error();
    return query->columnInt(0);
}

Result<QList<model::User>> UserStore::list()
{
    Result<Statement> query = m_connections.current().prepare(u"SELECT "_qs + kColumns + u" FROM users ORDER BY id"_qs);
    if (!query)
        return query.error();
    return query->collect<model::User>([](const Statement &row) { return userFromRow(row); });
}

Result<model::User> UserStore::setPassword(qint64 userId, const QString &passwordHash)
{
    Result<Statement> update = m_connections.current().prepare(
        u"UPDATE users SET password_hash = ?2, token_version = token_version + 1, updated_at = ?3 "
        "WHERE id = ?1 RETURNING "_qs + kColumns);
    if (!update)
        return update.error();
    update->bind(1, userId).bind(2, passwordHash).bind(3, m_clock.nowMs());
    return updateOne(*update);
}

Result<model::User> UserStore::setRole(qint64 userId, model::Role role)
{
    Result<Statement> update = m_connections.current().prepare(
        u"UPDATE users SET role = ?2, token_version = token_version + 1, updated_at = ?3 "
        "WHERE id = ?1 RETURNING "_qs + kColumns);
    if (!update)
        return update.error();
    update->bind(1, userId).bind(2, model::roleName(role)).bind(3, m_clock.nowMs());
    return updateOne(*update);
}

Result<model::User> UserStore::updateOne(Statement &statement)
{
    Result<bool> row = statement.step();
    if (!row)
        return row.error();
    if (!*row)
        return notFound();
    const model::User user = userFromRow(statement);
    statement.reset(); // completes the auto-committed UPDATE now
    return user;
}

Status UserStore::upgradeHash(qint64 userId, const QString &currentHash, const QString &newHash)
{
    Result<Statement> update = m_connections.current().prepare(
        u"UPDATE users SET password_hash = ?3 WHERE id = ?1 AND password_hash = ?2"_qs);
    if (!update)
        return update.error();
    return update->bind(1, userId).bind(2, currentHash).bind(3, newHash).run();
}

Status UserStore::remove(qint64 userId)
{
    Database &db = m_connections.current();
    Result<Statement> remove = db.prepare(u"DELETE FROM users WHERE id = ?1"_qs);
    if (!remove)
        return remove.error();
    if (Status done = remove->bind(1, userId).run(); !done)
        return done;
    return db.changes() > 0 ? Status() : Status(notFound());
}

} // namespace ddd::core::storage
