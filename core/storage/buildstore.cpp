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

Result<QList<Build>> BuildStore::queued()
{
    return collect(u"WHERE b.status = 'queued' AND ?1 = ?1 ORDER BY b.id"_qs, 0);
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

Status BuildStore::update(const Build &build)
{
    Result<Statement> statement = m_connections.current().prepare(uR"sql(
UPDATE builds SET status = ?2, detection = ?3, phases = ?4, error = ?5, version_id = ?6, started_at = ?7,
                  finished_at = ?8, log_bytes = ?9, source_id = COALESCE(?10, source_id)
WHERE id = ?1)sql"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, build.id).bind(2, model::buildStatusName(build.status));
    statement->bind(3, build.detection ? std::optional<QString>(textOf(QJsonDocument(
                                             wire::detectionToJson(*build.detection))))
                                       : std::nullopt);
    statement->bind(4, textOf(QJsonDocument(wire::phasesToJson(build.phases))));
    statement->bind(5, build.error ? std::optional<QString>(textOf(QJsonDocument(
                                         wire::errorObjectToJson(*build.error))))
                                   : std::nullopt);
    statement->bind(6, build.versionId).bind(7, build.startedAt).bind(8, build.finishedAt);
    // A Git build's source appears when its fetch phase has run.
    return statement->bind(9, build.logBytes).bind(10, build.sourceId).run();
}

Result<int> BuildStore::interruptRunning(qint64 nowMs, const Error &error)
{
    Database &db = m_connections.current();
    Result<Statement> statement = db.prepare(
        u"UPDATE builds SET status = 'interrupted', finished_at = ?1, error = ?2 WHERE status = 'running'"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, nowMs).bind(2, textOf(QJsonDocument(wire::errorObjectToJson(error))));
    if (Status ran = statement->run(); !ran)
        return ran.error();
    return db.changes();
}

} // namespace ddd::core::storage
