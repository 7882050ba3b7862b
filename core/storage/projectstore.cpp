// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/projectstore.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/projectsettingsrecord.h"
#include "core/storage/statement.h"

namespace ddd::core::storage {

namespace {

using model::Project;

const QString SelectColumns =
    u"SELECT id, owner_id, name, domain, slug, settings, created_at, updated_at FROM projects "_qs;

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
    if (error.message.contains(u"projects.domain"))
        return Error::make(u"project.domain_taken"_qs, u"The domain is already used by another project"_qs);
    if (error.message.contains(u"projects.slug"))
        return Error::make(u"project.slug_taken"_qs, u"The staging slug is already in use"_qs);
    return error;
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
    return Project{row.columnInt(0), row.columnInt(1), row.columnText(2), row.columnOptionalText(3),
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
    Result<Statement> statement = db.prepare(
        u"INSERT INTO projects (owner_id, name, domain, slug, settings, created_at, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, project.ownerId).bind(2, project.name).bind(3, lowerCased(project.domain));
    statement->bind(4, project.slug).bind(5, ProjectSettingsRecord::toText(project.settings));
    statement->bind(6, project.createdAt).bind(7, project.updatedAt);
    if (Status inserted = statement->run(); !inserted)
        return translateConstraint(inserted.error());
    Project stored = project;
    stored.id = db.lastInsertId();
    stored.domain = lowerCased(project.domain);
    return stored;
}

Status ProjectStore::update(const Project &project)
{
    Database &db = m_connections.current();
    Result<Statement> statement = db.prepare(
        u"UPDATE projects SET name = ?2, domain = ?3, settings = ?4, updated_at = ?5 WHERE id = ?1"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, project.id).bind(2, project.name).bind(3, lowerCased(project.domain));
    statement->bind(4, ProjectSettingsRecord::toText(project.settings)).bind(5, project.updatedAt);
    if (Status updated = statement->run(); !updated)
        return translateConstraint(updated.error());
    if (db.changes() == 0)
        return notFound();
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
    Result<Statement> statement = m_connections.current().prepare(SelectColumns + u"WHERE id = ?1"_qs);
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
    Result<Statement> statement = m_connections.current().prepare(
        SelectColumns + u"WHERE owner_id = ?1 ORDER BY created_at DESC, id DESC"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, ownerId);
    return collect(*statement);
}

Result<QList<Project>> ProjectStore::listAll()
{
    Result<Statement> statement =
        m_connections.current().prepare(SelectColumns + u"ORDER BY created_at DESC, id DESC"_qs);
    if (!statement)
        return statement.error();
    return collect(*statement);
}

// `column` is one of our own literals, never client input.
Result<std::optional<Project>> ProjectStore::findOne(const QString &column, const QString &value)
{
    Result<Statement> statement =
        m_connections.current().prepare(SelectColumns + u"WHERE "_qs + column + u" = ?1"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, value);
    return first(*statement);
}

} // namespace ddd::core::storage
