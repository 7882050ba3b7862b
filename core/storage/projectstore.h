// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/page.h"
#include "core/model/pagerequest.h"
#include "core/model/project.h"
#include "core/util/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace ddd::core::storage {

class ConnectionProvider;
class Database;

// Rows of the `projects` table. No ownership checks here: ProjectService
// decides who may see what. Domains and aliases are stored lower-cased, so
// the UNIQUE column, the alias table's key and its triggers make every
// production host name one project regardless of case.
class ProjectStore final
{
public:
    explicit ProjectStore(ConnectionProvider &connections);

    // Stores `project` (its id is ignored) and returns it with the new id.
    // Refusals: `project.domain_taken`, `project.slug_taken`.
    Result<model::Project> insert(const model::Project &project);
    // Writes name, domain, aliases, settings and updatedAt of the row with project.id.
    // Refusals: `project.not_found`, `project.domain_taken`.
    // Only while the row's updatedAt is still `unchangedSince`: otherwise
    // another agent (or thread) wrote it since it was read, and nothing is
    // written (`project.changed`). project.updatedAt must be later.
    Status update(const model::Project &project, qint64 unchangedSince);
    // Deletes the row; dependent rows go by ON DELETE CASCADE. `project.not_found`.
    Status remove(qint64 id);

    Result<std::optional<model::Project>> findById(qint64 id);
    Result<std::optional<model::Project>> findByDomain(const QString &domain);
    Result<std::optional<model::Project>> findBySlug(const QString &slug);
    // Newest first.
    Result<QList<model::Project>> listByOwner(qint64 ownerId);
    Result<QList<model::Project>> listAll();
    // One page in the same order, after (createdAt, id) = (`after.number`,
    // `after.id`): every project when `ownerId` is empty, else that owner's;
    // only `onlyProject` when given (a token scoped to one project).
    struct Scope final
    {
        std::optional<qint64> ownerId;
        std::optional<qint64> onlyProject;
    };
    Result<model::Page<model::Project>> page(const Scope &scope, const model::PageRequest &request);

private:
    static Status writeAliases(Database &db, qint64 projectId, const QStringList &aliases);
    Result<std::optional<model::Project>> findOne(const QString &column, const QString &value);

    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
