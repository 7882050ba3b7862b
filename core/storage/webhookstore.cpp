// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/webhookstore.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"

namespace ddd::core::storage {

namespace {

const QString SelectColumns =
    u"SELECT id, project_id, url, events, active, created_at, author_id FROM webhooks "_qs;

Error webhookNotFound()
{
    return Error::make(u"webhook.not_found"_qs, u"Webhook not found"_qs);
}

QString eventsText(const QStringList &events)
{
    return events.join(u',');
}

} // namespace

WebhookStore::WebhookStore(ConnectionProvider &connections) : m_connections(connections) {}

Result<model::Webhook> WebhookStore::insert(const model::Webhook &hook, const QString &secret)
{
    Database &db = m_connections.current();
    Result<Statement> statement = db.prepare(
        u"INSERT INTO webhooks (project_id, author_id, url, events, active, secret, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, hook.projectId).bind(2, hook.authorId).bind(3, hook.url).bind(4, eventsText(hook.events));
    Result<qint64> id = statement->bind(5, hook.active).bind(6, secret).bind(7, hook.createdAt).runForId();
    if (!id)
        return id.error();
    model::Webhook stored = hook;
    stored.id = *id;
    return stored;
}

Result<QList<model::Webhook>> WebhookStore::listByProject(qint64 projectId)
{
    return collect(u"WHERE project_id = ?1 ORDER BY id"_qs, [&](Statement &s) { s.bind(1, projectId); });
}

Result<qint64> WebhookStore::countByProject(qint64 projectId)
{
    Result<Statement> statement = m_connections.current().prepare(u"SELECT COUNT(*) FROM webhooks WHERE project_id = ?1"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, projectId);
    Result<bool> row = statement->step();
    if (!row)
        return row.error();
    return *row ? statement->columnInt(0) : 0;
}

Result<std::optional<model::Webhook>> WebhookStore::find(qint64 id)
{
    auto rows = collect(u"WHERE id = ?1"_qs, [&](Statement &s) { s.bind(1, id); });
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<model::Webhook>() : std::optional<model::Webhook>(rows->first());
}

Result<QList<model::Webhook>> WebhookStore::subscribers(qint64 projectId, const QString &event)
{
    // `events` is a comma-separated list of known names, so the commas
    // around it make the match exact: the list contains ",event," when
    // removing that changes it (instr() is SQLite's, strpos() PostgreSQL's).
    return collect(u"WHERE project_id = ?1 AND active = 1 "
                   "AND replace(',' || events || ',', ?2, '') <> ',' || events || ',' ORDER BY id"_qs,
                   [&](Statement &s) { s.bind(1, projectId).bind(2, u","_qs + event + u","_qs); });
}

Result<QString> WebhookStore::secret(qint64 id)
{
    Result<Statement> statement = m_connections.current().prepare(u"SELECT secret FROM webhooks WHERE id = ?1"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, id);
    Result<bool> row = statement->step();
    if (!row)
        return row.error();
    if (!*row)
        return webhookNotFound();
    return statement->columnText(0);
}

Status WebhookStore::update(const model::Webhook &hook)
{
    Database &db = m_connections.current();
    Result<Statement> statement = db.prepare(u"UPDATE webhooks SET url = ?2, events = ?3, active = ?4 WHERE id = ?1"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, hook.id).bind(2, hook.url).bind(3, eventsText(hook.events)).bind(4, hook.active);
    if (Status ran = statement->run(); !ran)
        return ran;
    return db.changes() == 1 ? Status() : Status(webhookNotFound());
}

Status WebhookStore::remove(qint64 id)
{
    Database &db = m_connections.current();
    Result<Statement> statement = db.prepare(u"DELETE FROM webhooks WHERE id = ?1"_qs);
    if (!statement)
        return statement.error();
    if (Status ran = statement->bind(1, id).run(); !ran)
        return ran;
    return db.changes() == 1 ? Status() : Status(webhookNotFound());
}

Result<QList<model::Webhook>> WebhookStore::collect(const QString &where, const std::function<void(Statement &)> &bind)
{
    Result<Statement> statement = m_connections.current().prepare(SelectColumns + where);
    if (!statement)
        return statement.error();
    bind(*statement);
    return statement->collect<model::Webhook>([](const Statement &row) {
        model::Webhook hook;
        hook.id = row.columnInt(0);
        hook.projectId = row.columnInt(1);
        hook.url = row.columnText(2);
        hook.events = row.columnText(3).split(u',', Qt::SkipEmptyParts);
        hook.active = row.columnInt(4) != 0;
        hook.createdAt = row.columnInt(5);
        hook.authorId = row.columnOptionalInt(6);
        return hook;
    });
}

} // namespace ddd::core::storage
