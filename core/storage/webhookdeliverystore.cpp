// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/webhookdeliverystore.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"

#include <limits>

namespace ddd::core::storage {

namespace {

const QString Columns =
    u"d.id, d.webhook_id, d.event_id, d.event, d.payload, d.created_at, d.state, d.attempts, d.next_attempt_at, "
    "d.last_attempt_at, d.status_code, d.duration_ms, d.error, d.response_excerpt"_qs;
constexpr int ColumnCount = 14;

model::WebhookDelivery readRow(const Statement &s)
{
    model::WebhookDelivery d;
    d.id = s.columnInt(0);
    d.webhookId = s.columnInt(1);
    d.eventId = s.columnText(2);
    d.event = s.columnText(3);
    d.payload = s.columnBlob(4);
    d.createdAt = s.columnInt(5);
    d.state = s.columnText(6);
    d.attempts = int(s.columnInt(7));
    d.nextAttemptAt = s.columnOptionalInt(8);
    d.lastAttemptAt = s.columnOptionalInt(9);
    d.statusCode = s.columnOptionalInt(10);
    d.durationMs = s.columnOptionalInt(11);
    d.error = s.columnText(12);
    d.responseExcerpt = s.columnText(13);
    return d;
}

Status prune(Database &db, qint64 webhookId, int retain)
{
    // Finished deliveries older than the newest `retain` of this webhook.
    Result<Statement> statement = db.prepare(
        u"DELETE FROM webhook_deliveries WHERE webhook_id = ?1 AND state != 'pending' AND id <= "
        "(SELECT id FROM webhook_deliveries WHERE webhook_id = ?1 ORDER BY id DESC LIMIT 1 OFFSET ?2)"_qs);
    if (!statement)
        return statement.error();
    return statement->bind(1, webhookId).bind(2, qint64(qMax(retain, 0))).run();
}

} // namespace

WebhookDeliveryStore::WebhookDeliveryStore(ConnectionProvider &connections) : m_connections(connections) {}

Result<model::WebhookDelivery> WebhookDeliveryStore::insert(const model::WebhookDelivery &delivery, int retain)
{
    Result<QList<model::WebhookDelivery>> stored = insertAll({delivery}, retain);
    if (!stored)
        return stored.error();
    return stored->first();
}

Result<QList<model::WebhookDelivery>> WebhookDeliveryStore::insertAll(const QList<model::WebhookDelivery> &deliveries,
                                                                      int retain)
{
    Database &db = m_connections.current();
    Transaction tx(db);
    if (!tx.begun())
        return tx.begun().error();
    QList<model::WebhookDelivery> stored;
    for (const model::WebhookDelivery &delivery : deliveries) {
        Result<Statement> statement = db.prepare(
            u"INSERT INTO webhook_deliveries (webhook_id, event_id, event, payload, created_at, state, next_attempt_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?6) RETURNING id"_qs);
        if (!statement)
            return statement.error();
        statement->bind(1, delivery.webhookId).bind(2, delivery.eventId).bind(3, delivery.event);
        statement->bind(4, delivery.payload).bind(5, delivery.createdAt).bind(6, delivery.nextAttemptAt);
        Result<qint64> id = statement->runForId();
        if (!id)
            return id.error();
        stored.append(delivery);
        stored.last().id = *id;
        if (Status pruned = prune(db, delivery.webhookId, retain); !pruned)
            return pruned.error();
    }
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    return stored;
}

Result<std::optional<model::WebhookDelivery>> WebhookDeliveryStore::find(qint64 id)
{
    Result<Statement> statement =
        m_connections.current().prepare(u"SELECT "_qs + Columns + u" FROM webhook_deliveries d WHERE d.id = ?1"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, id);
    auto rows = collect(*statement);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<model::WebhookDelivery>() : std::optional(rows->first());
}

Result<model::Page<model::WebhookDelivery>> WebhookDeliveryStore::page(qint64 webhookId,
                                                                       const model::PageRequest &request)
{
    const qint64 before = request.after ? request.after->id : std::numeric_limits<qint64>::max();
    Result<Statement> statement = m_connections.current().prepare(
        u"SELECT "_qs + Columns
        + u" FROM webhook_deliveries d WHERE d.webhook_id = ?1 AND d.id < ?2 ORDER BY d.id DESC LIMIT ?3"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, webhookId).bind(2, before).bind(3, qint64(request.limit + 1));
    auto rows = collect(*statement);
    if (!rows)
        return rows.error();
    return model::Page<model::WebhookDelivery>::fromRows(std::move(*rows), request.limit);
}

Result<QList<WebhookDeliveryStore::Due>> WebhookDeliveryStore::claimDue(qint64 nowMs, int limit, qint64 leaseUntilMs)
{
    Database &db = m_connections.current();
    Transaction tx(db);
    if (!tx.begun())
        return tx.begun().error();
    Result<Statement> select = db.prepare(
        u"SELECT "_qs + Columns
        + u", w.url, w.secret FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id "
          "WHERE d.state = 'pending' AND d.next_attempt_at <= ?1 AND w.active = 1 "
          "ORDER BY d.next_attempt_at, d.id LIMIT ?2"_qs);
    if (!select)
        return select.error();
    select->bind(1, nowMs).bind(2, qint64(limit));
    Result<QList<Due>> due = select->collect<Due>([](const Statement &row) {
        return Due{readRow(row), row.columnText(ColumnCount), row.columnText(ColumnCount + 1)};
    });
    if (!due)
        return due.error();
    // Conditional on still being due: of two agents reading the same row,
    // the second's update waits for the first's commit, then matches nothing.
    Result<Statement> claim = db.prepare(u"UPDATE webhook_deliveries SET next_attempt_at = ?2 "
                                         "WHERE id = ?1 AND state = 'pending' AND next_attempt_at <= ?3"_qs);
    if (!claim)
        return claim.error();
    QList<Due> claimed;
    for (const Due &item : std::as_const(*due)) {
        claim->reset();
        if (Status ran = claim->bind(1, item.delivery.id).bind(2, leaseUntilMs).bind(3, nowMs).run(); !ran)
            return ran.error();
        if (db.changes() == 1)
            claimed.append(item);
    }
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    return claimed;
}

Status WebhookDeliveryStore::release(const QList<qint64> &ids, qint64 nowMs)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"UPDATE webhook_deliveries SET next_attempt_at = ?2 WHERE id = ?1 AND state = 'pending'"_qs);
    if (!statement)
        return statement.error();
    for (qint64 id : ids) {
        statement->reset();
        if (Status ran = statement->bind(1, id).bind(2, nowMs).run(); !ran)
            return ran;
    }
    return {};
}

Status WebhookDeliveryStore::recordAttempt(const model::WebhookDelivery &d)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"UPDATE webhook_deliveries SET state = ?2, attempts = ?3, next_attempt_at = ?4, last_attempt_at = ?5, "
        "status_code = ?6, duration_ms = ?7, error = ?8, response_excerpt = ?9 WHERE id = ?1"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, d.id).bind(2, d.state).bind(3, d.attempts).bind(4, d.nextAttemptAt).bind(5, d.lastAttemptAt);
    statement->bind(6, d.statusCode).bind(7, d.durationMs).bind(8, d.error).bind(9, d.responseExcerpt);
    return statement->run();
}

Result<QList<model::WebhookDelivery>> WebhookDeliveryStore::collect(Statement &statement)
{
    return statement.collect<model::WebhookDelivery>([](const Statement &row) { return readRow(row); });
}

} // namespace ddd::core::storage
