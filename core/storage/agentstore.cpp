// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/agentstore.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"

namespace ddd::core::storage {

AgentStore::AgentStore(ConnectionProvider &connections) : m_connections(connections) {}

Status AgentStore::beat(const Record &record, qint64 forgetBeforeMs)
{
    Database &db = m_connections.current();
    Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    Result<Statement> upsert = db.prepare(
        u"INSERT INTO agents (id, name, roles, version, started_at, heartbeat_at, behind_since) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
        "roles = excluded.roles, version = excluded.version, started_at = excluded.started_at, "
        "heartbeat_at = excluded.heartbeat_at, behind_since = excluded.behind_since"_qs);
    if (!upsert)
        return upsert.error();
    upsert->bind(1, record.id).bind(2, record.name).bind(3, record.roles.join(u',')).bind(4, record.version);
    upsert->bind(5, record.startedAtMs).bind(6, record.heartbeatAtMs).bind(7, record.behindSinceMs);
    if (Status written = upsert->run(); !written)
        return written;
    Result<Statement> removal = db.prepare(u"DELETE FROM agents WHERE heartbeat_at < ?1"_qs);
    if (!removal)
        return removal.error();
    if (Status removed = removal->bind(1, forgetBeforeMs).run(); !removed)
        return removed;
    return tx.commit();
}

Result<QList<AgentStore::Record>> AgentStore::list()
{
    Result<Statement> rows = m_connections.current().prepare(
        u"SELECT id, name, roles, version, started_at, heartbeat_at, behind_since FROM agents ORDER BY name, id"_qs);
    if (!rows)
        return rows.error();
    return rows->collect<Record>([](Statement &row) {
        return Record{row.columnText(0),  row.columnText(1),  row.columnText(2).split(u',', Qt::SkipEmptyParts),
                      row.columnText(3),  row.columnInt(4),   row.columnInt(5),
                      row.columnOptionalInt(6)};
    });
}

} // namespace ddd::core::storage
