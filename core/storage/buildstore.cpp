// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/buildstore.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"
#include "core/wire/buildjson.h"

#include <QJsonDocument>

#include <limits>

namespace ddd::core::storage {

namespace {

using model::Build;

const QString SelectColumns = uR"sql(
SELECT b.id, b.project_id, b.number, b.status, b.trigger, b.source_id, b.activate, b.author_id, u.email,
       b.detection, b.phases, b.error, b.version_id, b.created_at, b.started_at, b.finished_at, b.log_bytes,
       b.fetch_git
FROM builds b LEFT JOIN users u ON u.id = b.author_id )sql"_qs;

QJsonDocument documentOf(const std::optional<QString> &text)
{
    return text ? QJsonDocument::fromJson(text->toUtf8()) : QJsonDocument();
}

QString textOf(const QJsonDocument &document)
{
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

std::optional<QString> errorText(const std::optional<Error> &error)
{
    return error ? std::optional<QString>(textOf(QJsonDocument(wire::errorObjectToJson(*error)))) : std::nullopt;
}

// The remaining rows' first column, as ids.
Result<QList<qint64>> idsOf(Statement &statement)
{
    return statement.collect<qint64>([](const Statement &row) { return row.columnInt(0); });
}

Result<Build> readRow(const Statement &row)
{
    Build build;
    build.id = row.columnInt(0);
    build.projectId = row.columnInt(1);
    build.number = row.columnInt(2);
    const auto status = model::buildStatusFromName(row.columnText(3));
    const auto trigger = model::buildTriggerFromName(row.columnText(4));
    if (!status || !trigger)
        return Error::make(u"storage.corrupt"_qs, u"Unreadable build row"_qs);
    build.status = *status;
    build.trigger = *trigger;
    build.sourceId = row.columnOptionalInt(5);
    build.activate = row.columnInt(6) != 0;
    build.authorId = row.columnOptionalInt(7);
    build.authorEmail = row.columnOptionalText(8).value_or(QString());
    if (const auto detection = row.columnOptionalText(9))
        build.detection = wire::detectionFromJson(documentOf(detection).object());
    build.phases = wire::phasesFromJson(documentOf(row.columnOptionalText(10)).array());
    if (const auto error = row.columnOptionalText(11))
        build.error = wire::errorObjectFromJson(documentOf(error).object());
    build.versionId = row.columnOptionalInt(12);
    build.createdAt = row.columnInt(13);
    build.startedAt = row.columnOptionalInt(14);
    build.finishedAt = row.columnOptionalInt(15);
    build.logBytes = row.columnInt(16);
    build.fetchGit = row.columnInt(17) != 0;
    return build;
}

} // namespace

BuildStore::BuildStore(ConnectionProvider &connections) : m_connections(connections) {}

Result<Build> BuildStore::insert(const Build &build)
{
    Database &db = m_connections.current();
    // MAX(number) + 1 under the writers' lock: on PostgreSQL two agents'
    // inserts would otherwise read the same maximum.
    Transaction tx(db);
    if (!tx.begun())
        return tx.begun().error();
    Result<Statement> statement = db.prepare(uR"sql(
INSERT INTO builds (project_id, number, status, trigger, source_id, activate, author_id, created_at, fetch_git)
VALUES (?1, (SELECT COALESCE(MAX(number), 0) + 1 FROM builds WHERE project_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8)
RETURNING id)sql"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, build.projectId).bind(2, model::buildStatusName(build.status));
    statement->bind(3, model::buildTriggerName(build.trigger)).bind(4, build.sourceId).bind(5, build.activate);
    statement->bind(6, build.authorId).bind(7, build.createdAt).bind(8, build.fetchGit);
    Result<qint64> id = statement->runForId();
    if (!id)
        return id.error();
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    Result<std::optional<Build>> stored = find(*id);
    if (!stored)
        return stored.error();
    if (!stored->has_value())
        return Error::make(u"build.not_found"_qs, u"Build not found"_qs);
    return **stored;
}

Result<std::optional<Build>> BuildStore::find(qint64 id)
{
    Result<QList<Build>> rows = collect(u"WHERE b.id = ?1"_qs, id);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<Build>() : std::optional<Build>(rows->first());
}

Result<QList<Build>> BuildStore::listByProject(qint64 projectId)
{
    return collect(u"WHERE b.project_id = ?1 ORDER BY b.number DESC"_qs, projectId);
}

Result<std::optional<Build>> BuildStore::active(qint64 projectId)
{
    Result<QList<Build>> rows =
        collect(u"WHERE b.project_id = ?1 AND b.status IN ('queued', 'running') ORDER BY b.id LIMIT 1"_qs, projectId);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<Build>() : std::optional<Build>(rows->first());
}

Result<int> BuildStore::countQueued()
{
    Result<Statement> statement =
        m_connections.current().prepare(u"SELECT COUNT(*) FROM builds WHERE status = 'queued'"_qs);
    if (!statement)
        return statement.error();
    Result<bool> row = statement->step();
    if (!row)
        return row.error();
    return int(statement->columnInt(0));
}

Result<std::optional<Build>> BuildStore::claimNext(const QString &agentId, qint64 nowMs,
                                                   const QList<qint64> &busyAuthors)
{
    Database &db = m_connections.current();
    // The ids are integers formatted here, never client text; -1 is no
    // user, for an empty list that SQL cannot write as "IN ()".
    QStringList busy{u"-1"_qs};
    for (qint64 author : busyAuthors)
        busy.append(QString::number(author));
    const QString candidates =
        u"SELECT id FROM builds WHERE status = 'queued' AND COALESCE(author_id, 0) NOT IN (%1) ORDER BY id LIMIT 1"_qs
            .arg(busy.join(u','));
    // Idle agents ask every second: a read, so an empty queue never takes
    // the write lock.
    Result<Statement> probe = db.prepare(candidates);
    if (!probe)
        return probe.error();
    Result<bool> waiting = probe->step();
    if (!waiting)
        return waiting.error();
    if (!*waiting)
        return std::optional<Build>();
    const QString skipLocked = db.dialect() == SqlDialect::Postgres ? u" FOR UPDATE SKIP LOCKED"_qs : QString();
    Result<Statement> statement = db.prepare(uR"sql(
UPDATE builds SET status = 'running', agent_id = ?1, started_at = ?2, cancel_requested = 0
WHERE status = 'queued' AND id = (%1%2)
RETURNING id)sql"_qs.arg(candidates, skipLocked));
    if (!statement)
        return statement.error();
    statement->bind(1, agentId).bind(2, nowMs);
    Result<QList<qint64>> claimed = idsOf(*statement);
    if (!claimed)
        return claimed.error();
    if (claimed->isEmpty())
        return std::optional<Build>();
    return find(claimed->first());
}

Result<model::Page<Build>> BuildStore::pageByProject(qint64 projectId, const model::PageRequest &request)
{
    const qint64 before = request.after ? request.after->number : std::numeric_limits<qint64>::max();
    // Both numbers are integers formatted here, never client text.
    Result<QList<Build>> rows = collect(
        u"WHERE b.project_id = ?1 AND b.number < %1 ORDER BY b.number DESC LIMIT %2"_qs.arg(before).arg(request.limit + 1),
        projectId);
    if (!rows)
        return rows.error();
    return model::Page<Build>::fromRows(std::move(*rows), request.limit);
}

Result<QList<Build>> BuildStore::collect(const QString &where, qint64 key)
{
    Result<Statement> statement = m_connections.current().prepare(SelectColumns + where);
    if (!statement)
        return statement.error();
    statement->bind(1, key);
    return statement->collect<Build>([](const Statement &row) { return readRow(row); });
}

Result<bool> BuildStore::update(const Build &build, const QString &agentId)
{
    Database &db = m_connections.current();
    Result<Statement> statement = db.prepare(uR"sql(
UPDATE builds SET status = ?2, detection = ?3, phases = ?4, error = ?5, version_id = ?6, started_at = ?7,
                  finished_at = ?8, log_bytes = ?9, source_id = COALESCE(?10, source_id)
WHERE id = ?1 AND status = 'running' AND agent_id = ?11)sql"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, build.id).bind(2, model::buildStatusName(build.status));
    statement->bind(3, build.detection ? std::optional<QString>(textOf(QJsonDocument(
                                             wire::detectionToJson(*build.detection))))
                                       : std::nullopt);
    statement->bind(4, textOf(QJsonDocument(wire::phasesToJson(build.phases))));
    statement->bind(5, errorText(build.error));
    statement->bind(6, build.versionId).bind(7, build.startedAt).bind(8, build.finishedAt);
    // A Git build's source appears when its fetch phase has run.
    statement->bind(9, build.logBytes).bind(10, build.sourceId).bind(11, agentId);
    if (Status ran = statement->run(); !ran)
        return ran.error();
    return db.changes() > 0;
}

Result<bool> BuildStore::cancelQueued(qint64 id, qint64 nowMs, const Error &error)
{
    Database &db = m_connections.current();
    Result<Statement> statement = db.prepare(
        u"UPDATE builds SET status = 'cancelled', finished_at = ?2, error = ?3 WHERE id = ?1 AND status = 'queued'"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, id).bind(2, nowMs).bind(3, errorText(error));
    if (Status ran = statement->run(); !ran)
        return ran.error();
    return db.changes() > 0;
}

Status BuildStore::requestCancel(qint64 id)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"UPDATE builds SET cancel_requested = 1 WHERE id = ?1 AND status = 'running'"_qs);
    if (!statement)
        return statement.error();
    return statement->bind(1, id).run();
}

Result<QList<qint64>> BuildStore::cancelRequested(const QString &agentId)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"SELECT id FROM builds WHERE status = 'running' AND agent_id = ?1 AND cancel_requested = 1"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, agentId);
    return idsOf(*statement);
}

Result<int> BuildStore::interruptRunning(const QString &agentId, qint64 nowMs, const Error &error)
{
    Database &db = m_connections.current();
    Result<Statement> statement = db.prepare(uR"sql(
UPDATE builds SET status = 'interrupted', finished_at = ?1, error = ?2
WHERE status = 'running' AND (agent_id = ?3 OR agent_id IS NULL))sql"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, nowMs).bind(2, errorText(error)).bind(3, agentId);
    if (Status ran = statement->run(); !ran)
        return ran.error();
    return db.changes();
}

Result<QList<qint64>> BuildStore::interruptOrphans(const QString &agentId, qint64 silentSinceMs, qint64 nowMs,
                                                   const Error &error)
{
    const QString orphans = uR"sql(
status = 'running' AND agent_id <> ?1 AND started_at < ?2
AND NOT EXISTS (SELECT 1 FROM agents a WHERE a.id = builds.agent_id AND a.heartbeat_at >= ?2))sql"_qs;
    Database &db = m_connections.current();
    // Asked every second: a read first, so the write lock is taken only
    // when there is something to record.
    Result<Statement> probe = db.prepare(u"SELECT 1 FROM builds WHERE "_qs + orphans);
    if (!probe)
        return probe.error();
    Result<bool> found = probe->bind(1, agentId).bind(2, silentSinceMs).step();
    if (!found)
        return found.error();
    if (!*found)
        return QList<qint64>();
    Result<Statement> statement = db.prepare(
        u"UPDATE builds SET status = 'interrupted', finished_at = ?3, error = ?4 WHERE "_qs + orphans + u" RETURNING id"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, agentId).bind(2, silentSinceMs).bind(3, nowMs).bind(4, errorText(error));
    return idsOf(*statement);
}

} // namespace ddd::core::storage
