// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/projectstore.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/projectsettingsrecord.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"

#include <limits>

namespace ddd::core::storage {

namespace {

using model::Project;

// Aliases come along as one space-separated column in their saved order
// (host names hold no spaces): SQLite 3.40 has group_concat (in the
// subquery's order), PostgreSQL string_agg.
Result<Statement> prepareSelect(Database &db, const QString &rest)
{
    const QString aliases = db.dialect() == SqlDialect::Sqlite
        ? u"(SELECT group_concat(host, ' ') FROM (SELECT host FROM project_aliases a "
          "WHERE a.project_id = projects.id ORDER BY position) AS ordered)"_qs
        : u"(SELECT string_agg(host, ' ' ORDER BY position) FROM project_aliases a "
          "WHERE a.project_id = projects.id)"_qs;
    return db.prepare(u"SELECT id, owner_id, name, domain, slug, settings, created_at, updated_at, "_qs + aliases
                      + u" FROM projects "_qs + rest);
}

std::optional<QString> lowerCased(const std::optional<QString> &domain)
{
    return domain ? std::optional<QString>(domain->toLower()) : std::nullopt;
}

// SQLite names the column in its message ("UNIQUE constraint failed:
// projects.domain"), which is how a clash becomes a domain error.
Error translateConstraint(const Error &error)
{
    if (error.code != u"storage.constraint")
        return error;
    if (error.message.contains(u"projects.domain") || error.message.contains(u"project_aliases.host"))
        return Error::make(u"project.domain_taken"_qs, u"The domain is already used by another project"_qs);
    if (error.message.contains(u"projects.slug"))
        return Error::make(u"project.slug_taken"_qs, u"The staging slug is already in use"_qs);
    return error;
}

Error changedMeanwhile()
{
    return Error::make(u"project.changed"_qs, u"The project changed while this update was prepared; try again"_qs);
}

Error notFound()
{
    return Error::make(u"project.not_found"_qs, u"Project not found"_qs);
}

Result<Project> readRow(const Statement &row)
{
    Result<model::ProjectSettings> settings = ProjectSettingsRecord::fromText(row.columnText(5));
    if (!settings)
        return settings.error();
    const QStringList aliases = row.columnText(8).split(u' ', Qt::SkipEmptyParts);
    return Project{row.columnInt(0), row.columnInt(1), row.columnText(2), row.columnOptionalText(3), aliases,
                   row.columnText(4), *settings, row.columnInt(6), row.columnInt(7)};
}

Result<QList<Project>> collect(Statement &statement)
{
    QList<Project> projects;
    for (;;) {
        Result<bool> more = statement.step();
        if (!more)
            return more.error();
        if (!*more)
            return projects;
        Result<Project> project = readRow(statement);
        if (!project)
            return project.error();
        projects.append(std::move(project).value());
    }
}

Result<std::optional<Project>> first(Statement &statement)
{
    Result<QList<Project>> rows = collect(statement);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<Project>() : std::optional<Project>(rows->first());
}

} // namespace

ProjectStore::ProjectStore(ConnectionProvider &connections) : m_connections(connections) {}

Result<Project> ProjectStore::insert(const Project &project)
{
    Database &db = m_connections.current();
    Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun().error();
    Result<Statement> statement = db.prepare(
        u"INSERT INTO projects (owner_id, name, domain, slug, settings, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, project.ownerId).bind(2, project.name).bind(3, lowerCased(project.domain));
    statement->bind(4, project.slug).bind(5, ProjectSettingsRecord::toText(project.settings));
    statement->bind(6, project.createdAt).bind(7, project.updatedAt);
    Result<qint64> id = statement->runForId();
    if (!id)
        return translateConstraint(id.error());
    Project stored = project;
    stored.id = *id;
    stored.domain = lowerCased(project.domain);
    if (Status aliases = writeAliases(db, stored.id, project.aliases); !aliases)
        return aliases.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return stored;
}

Status ProjectStore::update(const Project &project, qint64 unchangedSince)
{
    Database &db = m_connections.current();
    Transaction transaction(db);
    if (!transaction.begun())
        return transaction.begun();
    Result<Statement> statement = db.prepare(
        u"UPDATE projects SET name = ?2, domain = ?3, settings = ?4, updated_at = ?5 WHERE id = ?1 AND updated_at = ?6"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, project.id).bind(2, project.name).bind(3, lowerCased(project.domain));
    statement->bind(4, ProjectSettingsRecord::toText(project.settings)).bind(5, project.updatedAt);
    if (Status updated = statement->bind(6, unchangedSince).run(); !updated)
        return translateConstraint(updated.error());
    if (db.changes() == 0) {
        Result<std::optional<Project>> now = findById(project.id);
        if (!now)
            return now.error();
        return now->has_value() ? Status(changedMeanwhile()) : Status(notFound());
    }
    if (Status aliases = writeAliases(db, project.id, project.aliases); !aliases)
        return aliases;
    return transaction.commit();
}

// Replaces the project's aliases; runs inside the caller's transaction, so a
// clash leaves the row as it was.
Status ProjectStore::writeAliases(Database &db, qint64 projectId, const QStringList &aliases)
{
    Result<Statement> removal = db.prepare(u"DELETE FROM project_aliases WHERE project_id = ?1"_qs);
    if (!removal)
        return removal.error();
    if (Status removed = removal->bind(1, projectId).run(); !removed)
        return removed;
    for (qsizetype i = 0; i < aliases.size(); ++i) {
        Result<Statement> insert =
            db.prepare(u"INSERT INTO project_aliases (host, project_id, position) VALUES (?1, ?2, ?3)"_qs);
        if (!insert)
            return insert.error();
        insert->bind(1, aliases[i].toLower()).bind(2, projectId).bind(3, qint64(i));
        if (Status inserted = insert->run(); !inserted)
            return translateConstraint(inserted.error());
    }
    return {};
}

Status ProjectStore::remove(qint64 id)
{
    Database &db = m_connections.current();
    Result<Statement> statement = db.prepare(u"DELETE FROM projects WHERE id = ?1"_qs);
    if (!statement)
        return statement.error();
    if (Status removed = statement->bind(1, id).run(); !removed)
        return removed;
    if (db.changes() == 0)
        return notFound();
    return {};
}

Result<std::optional<Project>> ProjectStore::findById(qint64 id)
{
    Result<Statement> statement = prepareSelect(m_connections.current(), u"WHERE id = ?1"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, id);
    return first(*statement);
}

Result<std::optional<Project>> ProjectStore::findByDomain(const QString &domain)
{
    return findOne(u"domain"_qs, domain.toLower());
}

Result<std::optional<Project>> ProjectStore::findBySlug(const QString &slug)
{
    return findOne(u"slug"_qs, slug);
}

Result<QList<Project>> ProjectStore::listByOwner(qint64 ownerId)
{
    Result<Statement> statement = prepareSelect(m_connections.current(), u"WHERE owner_id = ?1 ORDER BY created_at DESC, id DESC"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, ownerId);
    return collect(*statement);
}

Result<QList<Project>> ProjectStore::listAll()
{
    Result<Statement> statement = prepareSelect(m_connections.current(), u"ORDER BY created_at DESC, id DESC"_qs);
    if (!statement)
        return statement.error();
    return collect(*statement);
}

Result<model::Page<Project>> ProjectStore::page(const Scope &scope, const model::PageRequest &request)
{
    // A row value comparison: strictly after the last row in (created_at DESC, id DESC).
    Result<Statement> statement = prepareSelect(m_connections.current(),
        u"WHERE (CAST(?1 AS BIGINT) IS NULL OR owner_id = ?1) AND (CAST(?2 AS BIGINT) IS NULL OR id = ?2) "
        "AND (created_at, id) < (?3, ?4) ORDER BY created_at DESC, id DESC LIMIT ?5"_qs);
    if (!statement)
        return statement.error();
    constexpr qint64 End = std::numeric_limits<qint64>::max();
    statement->bind(1, scope.ownerId).bind(2, scope.onlyProject);
    statement->bind(3, request.after ? request.after->number : End).bind(4, request.after ? request.after->id : End);
    statement->bind(5, qint64(request.limit) + 1);
    Result<QList<Project>> rows = collect(*statement);
    if (!rows)
        return rows.error();
    return model::Page<Project>::fromRows(std::move(*rows), request.limit);
}

// `column` is one of our own literals, never client input.
Result<std::optional<Project>> ProjectStore::findOne(const QString &column, const QString &value)
{
    Result<Statement> statement = prepareSelect(m_connections.current(), u"WHERE "_qs + column + u" = ?1"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, value);
    return first(*statement);
}

} // namespace ddd::core::storage
