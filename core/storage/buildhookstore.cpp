// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/buildhookstore.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"

namespace ddd::core::storage {

namespace {

const QString SelectColumns =
    u"SELECT id, project_id, name, created_at, last_used_at, author_id FROM build_hooks "_qs;

Status runOne(Database &db, const QString &sql, qint64 id, std::optional<qint64> value = {})
{
    Result<Statement> statement = db.prepare(sql);
    if (!statement)
        return statement.error();
    statement->bind(1, id);
    if (value)
        statement->bind(2, *value);
    if (Status ran = statement->run(); !ran)
        return ran;
    return db.changes() == 1 ? Status() : Status(Error::make(u"hook.not_found"_qs, u"Build hook not found"_qs));
}

} // namespace

BuildHookStore::BuildHookStore(ConnectionProvider &connections) : m_connections(connections) {}

Result<model::BuildHook> BuildHookStore::insert(const model::BuildHook &hook, const QByteArray &secretHash)
{
    Database &db = m_connections.current();
    Result<Statement> statement = db.prepare(
        u"INSERT INTO build_hooks (project_id, author_id, name, secret_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5) "
        "RETURNING id"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, hook.projectId).bind(2, hook.authorId).bind(3, hook.name).bind(4, secretHash);
    Result<qint64> id = statement->bind(5, hook.createdAt).runForId();
    if (!id)
        return id.error();
    model::BuildHook stored = hook;
    stored.id = *id;
    return stored;
}

Result<QList<model::BuildHook>> BuildHookStore::listByProject(qint64 projectId)
{
    return collect(u"WHERE project_id = ?1 ORDER BY id"_qs, [&](Statement &s) { s.bind(1, projectId); });
}

Result<std::optional<model::BuildHook>> BuildHookStore::find(qint64 id)
{
    auto rows = collect(u"WHERE id = ?1"_qs, [&](Statement &s) { s.bind(1, id); });
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<model::BuildHook>() : std::optional<model::BuildHook>(rows->first());
}

Result<std::optional<model::BuildHook>> BuildHookStore::findBySecretHash(const QByteArray &secretHash)
{
    auto rows = collect(u"WHERE secret_hash = ?1"_qs, [&](Statement &s) { s.bind(1, secretHash); });
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<model::BuildHook>() : std::optional<model::BuildHook>(rows->first());
}

Result<QList<model::BuildHook>> BuildHookStore::collect(const QString &where,
                                                         const std::function<void(Statement &)> &bind)
{
    Result<Statement> statement = m_connections.current().prepare(SelectColumns + where);
    if (!statement)
        return statement.error();
    bind(*statement);
    return statement->collect<model::BuildHook>([](const Statement &row) {
        return model::BuildHook{row.columnInt(0),  row.columnInt(1),         row.columnText(2),
                                row.columnInt(3),  row.columnOptionalInt(4), row.columnOptionalInt(5)};
    });
}

Status BuildHookStore::touch(qint64 id, qint64 nowMs)
{
    return runOne(m_connections.current(), u"UPDATE build_hooks SET last_used_at = ?2 WHERE id = ?1"_qs, id, nowMs);
}

Status BuildHookStore::remove(qint64 id)
{
    return runOne(m_connections.current(), u"DELETE FROM build_hooks WHERE id = ?1"_qs, id);
}

} // namespace ddd::core::storage
