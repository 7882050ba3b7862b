// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/activitystore.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"

#include <QJsonDocument>

#include <limits>

namespace ddd::core::storage {

namespace {

using model::ActivityEntry;

const QString SelectColumns =
    u"SELECT id, project_id, at, kind, actor_id, actor, via, version_number, outcome, code, detail FROM activity "_qs;

ActivityEntry readRow(const Statement &row)
{
    ActivityEntry entry;
    entry.id = row.columnInt(0);
    entry.projectId = row.columnInt(1);
    entry.at = row.columnInt(2);
    entry.kind = row.columnText(3);
    entry.actorId = row.columnOptionalInt(4);
    entry.actor = row.columnText(5);
    entry.via = row.columnText(6);
    entry.versionNumber = row.columnOptionalInt(7);
    entry.refused = row.columnText(8) == u"refused";
    entry.code = row.columnOptionalText(9).value_or(QString());
    entry.detail = QJsonDocument::fromJson(row.columnText(10).toUtf8()).object();
    return entry;
}

} // namespace

ActivityStore::ActivityStore(ConnectionProvider &connections) : m_connections(connections) {}

Result<qint64> ActivityStore::append(const ActivityEntry &entry, int retain)
{
    Database &db = m_connections.current();
    Transaction tx(db);
    if (!tx.begun())
        return tx.begun().error();
    Result<Statement> insert = db.prepare(
        u"INSERT INTO activity(project_id, at, kind, actor_id, actor, via, version_number, outcome, code, detail) "
        "VALUES (?1, ?2, ?3, ?4, COALESCE(?5, (SELECT email FROM users WHERE id = ?4), 'build hook'), ?6, ?7, ?8, ?9, "
        "?10) RETURNING id"_qs);
    if (!insert)
        return insert.error();
    insert->bind(1, entry.projectId).bind(2, entry.at).bind(3, entry.kind).bind(4, entry.actorId);
    // No actor text (a build): the author's e-mail now, or "build hook".
    insert->bind(5, entry.actor.isEmpty() ? std::optional<QString>() : std::optional<QString>(entry.actor)).bind(6, entry.via).bind(7, entry.versionNumber);
    insert->bind(8, entry.refused ? u"refused"_qs : u"ok"_qs);
    insert->bind(9, entry.code.isEmpty() ? std::optional<QString>() : std::optional<QString>(entry.code));
    insert->bind(10, QString::fromUtf8(QJsonDocument(entry.detail).toJson(QJsonDocument::Compact)));
    const Result<qint64> inserted = insert->runForId();
    if (!inserted)
        return inserted.error();
    const qint64 id = *inserted;
    // Everything older than the newest `retain` entries of this project.
    Result<Statement> prune = db.prepare(
        u"DELETE FROM activity WHERE project_id = ?1 AND id <= "
        "(SELECT id FROM activity WHERE project_id = ?1 ORDER BY id DESC LIMIT 1 OFFSET ?2)"_qs);
    if (!prune)
        return prune.error();
    prune->bind(1, entry.projectId).bind(2, qint64(qMax(retain, 0)));
    if (Status s = prune->run(); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return id;
}

Result<model::Page<ActivityEntry>> ActivityStore::page(qint64 projectId, const model::ActivityFilter &filter,
                                                       const model::PageRequest &request)
{
    const qint64 before = request.after ? request.after->id : std::numeric_limits<qint64>::max();
    // ?2 and ?3 are NULL when that filter is not asked for.
    Result<Statement> select = m_connections.current().prepare(
        SelectColumns
        + u"WHERE project_id = ?1 AND (CAST(?2 AS TEXT) IS NULL OR kind = ?2) "
          "AND (CAST(?3 AS BIGINT) IS NULL OR version_number = ?3) "
          "AND id < ?4 ORDER BY id DESC LIMIT ?5"_qs);
    if (!select)
        return select.error();
    select->bind(1, projectId);
    select->bind(2, filter.kind.isEmpty() ? std::optional<QString>() : std::optional<QString>(filter.kind));
    select->bind(3, filter.versionNumber).bind(4, before).bind(5, qint64(request.limit + 1));
    Result<QList<ActivityEntry>> rows = select->collect<ActivityEntry>([](const Statement &row) { return readRow(row); });
    if (!rows)
        return rows.error();
    return model::Page<ActivityEntry>::fromRows(std::move(*rows), request.limit);
}

} // namespace ddd::core::storage
