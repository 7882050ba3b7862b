// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/livepointerstore.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"
#include "core/util/crashpoint.h"

namespace ddd::core::storage {

namespace {

// Runs `sql` with ?1 = project id and ?2 = version id.
Status exec(Database &db, const QString &sql, qint64 projectId, qint64 versionId)
{
    Result<Statement> statement = db.prepare(sql);
    if (!statement)
        return statement.error();
    return statement->bind(1, projectId).bind(2, versionId).run();
}

// Makes the target live if it may go live; db.changes() tells whether it did.
Status promote(Database &db, qint64 projectId, qint64 versionId, qint64 nowMs)
{
    Result<Statement> statement = db.prepare(uR"sql(
UPDATE versions SET status = 'live', activated_at = ?3,
    activation_seq = (SELECT COALESCE(MAX(activation_seq), 0) + 1 FROM versions WHERE project_id = ?1)
WHERE id = ?2 AND project_id = ?1 AND status IN ('ready', 'retired'))sql"_qs);
    if (!statement)
        return statement.error();
    return statement->bind(1, projectId).bind(2, versionId).bind(3, nowMs).run();
}

// Why the target of a switch that touched no row was refused.
Error refusal(Database &db, qint64 projectId, qint64 versionId)
{
    Result<Statement> statement = db.prepare(u"SELECT status FROM versions WHERE id = ?2 AND project_id = ?1"_qs);
    if (!statement)
        return statement.error();
    Result<bool> row = statement->bind(1, projectId).bind(2, versionId).step();
    if (!row)
        return row.error();
    if (!*row)
        return Error::make(u"deploy.not_found"_qs, u"Version not found"_qs);
    return Error::make(u"deploy.not_activatable"_qs,
                       u"Only a ready or retired version can go live; this one is "_qs + statement->columnText(0),
                       {{u"status"_qs, statement->columnText(0)}});
}

} // namespace

LivePointerStore::LivePointerStore(ConnectionProvider &connections) : m_connections(connections) {}

Status LivePointerStore::activate(qint64 projectId, qint64 versionId, qint64 nowMs)
{
    Database &db = m_connections.current();
    Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun();
    if (Status promoted = promote(db, projectId, versionId, nowMs); !promoted)
        return promoted;
    if (db.changes() != 1)
        return refusal(db, projectId, versionId);
    if (Status retired = exec(db, u"UPDATE versions SET status = 'retired' "
                                  "WHERE project_id = ?1 AND status = 'live' AND id <> ?2"_qs,
                              projectId, versionId);
        !retired)
        return retired;
    if (Status pointed = exec(db, u"UPDATE projects SET live_version_id = ?2 WHERE id = ?1"_qs, projectId, versionId);
        !pointed)
        return pointed;
    CrashPoint::hit("activation.before_commit");
    return transaction.commit();
}

Status LivePointerStore::takeOffline(qint64 versionId, const Error &error)
{
    Database &db = m_connections.current();
    Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun();
    Result<Statement> failed =
        db.prepare(u"UPDATE versions SET status = 'failed', error_code = ?2, error_message = ?3 WHERE id = ?1"_qs);
    if (!failed)
        return failed.error();
    if (Status ran = failed->bind(1, versionId).bind(2, error.code).bind(3, error.message).run(); !ran)
        return ran;
    Result<Statement> cleared = db.prepare(u"UPDATE projects SET live_version_id = NULL WHERE live_version_id = ?1"_qs);
    if (!cleared)
        return cleared.error();
    if (Status ran = cleared->bind(1, versionId).run(); !ran)
        return ran;
    return transaction.commit();
}

Result<std::optional<qint64>> LivePointerStore::liveVersionId(qint64 projectId)
{
    return optionalId(u"SELECT live_version_id FROM projects WHERE id = ?1"_qs, projectId);
}

Result<std::optional<qint64>> LivePointerStore::previousLiveVersionId(qint64 projectId)
{
    return optionalId(u"SELECT id FROM versions WHERE project_id = ?1 AND status = 'retired' "
                      "ORDER BY activation_seq DESC LIMIT 1"_qs,
                      projectId);
}

Result<QHash<qint64, qint64>> LivePointerStore::allLive()
{
    return idPairs(u"SELECT id, live_version_id FROM projects WHERE live_version_id IS NOT NULL"_qs);
}

Result<QHash<qint64, qint64>> LivePointerStore::siteRevisions()
{
    return idPairs(u"SELECT id, site_revision FROM projects"_qs);
}

Status LivePointerStore::touchSite(qint64 projectId)
{
    Result<Statement> statement =
        m_connections.current().prepare(u"UPDATE projects SET site_revision = site_revision + 1 WHERE id = ?1"_qs);
    if (!statement)
        return statement.error();
    return statement->bind(1, projectId).run();
}

// `sql` is one of our own literals, selecting an id and a number.
Result<QHash<qint64, qint64>> LivePointerStore::idPairs(const QString &sql)
{
    Result<Statement> statement = m_connections.current().prepare(sql);
    if (!statement)
        return statement.error();
    QHash<qint64, qint64> pairs;
    for (;;) {
        Result<bool> more = statement->step();
        if (!more)
            return more.error();
        if (!*more)
            return pairs;
        pairs.insert(statement->columnInt(0), statement->columnInt(1));
    }
}

// `sql` is one of our own literals, never client input.
Result<std::optional<qint64>> LivePointerStore::optionalId(const QString &sql, qint64 key)
{
    Result<Statement> statement = m_connections.current().prepare(sql);
    if (!statement)
        return statement.error();
    Result<bool> row = statement->bind(1, key).step();
    if (!row)
        return row.error();
    return *row ? statement->columnOptionalInt(0) : std::nullopt;
}

} // namespace ddd::core::storage
