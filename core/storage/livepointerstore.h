// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QHash>

#include <optional>

namespace ddd::core::storage {

class ConnectionProvider;

// projects.live_version_id and the activation order of versions: which
// version of a project is live, which one was live before it, and the one
// transaction that switches them. The pointer is the truth; a version's
// live/retired status moves with it in the same transaction.
class LivePointerStore final
{
public:
    explicit LivePointerStore(ConnectionProvider &connections);

    // One transaction whose work does not grow with the site: the target
    // becomes live (activated_at = nowMs, next activation_seq), the old live
    // version retired, and the project's pointer moves. `deploy.not_found`
    // when the version is not the project's; `deploy.not_activatable` unless
    // it is ready or retired at the moment of the switch.
    Status activate(qint64 projectId, qint64 versionId, qint64 nowMs);
    // Marks a version failed with `error` and, should it be live, clears the
    // project's pointer in the same transaction: the site goes offline.
    Status takeOffline(qint64 versionId, const Error &error);

    Result<std::optional<qint64>> liveVersionId(qint64 projectId);
    // The retired version activated most recently: where rollback goes.
    Result<std::optional<qint64>> previousLiveVersionId(qint64 projectId);
    // Project id -> live version id, for every project that has one.
    Result<QHash<qint64, qint64>> allLive();
    // Project id -> site_revision, for every project: it counts the changes
    // of what its site serves (schema step 14), so a follower builds again
    // only the sites whose revision moved.
    Result<QHash<qint64, qint64>> siteRevisions();
    // Moves the project's site_revision on (announced on PostgreSQL) with
    // nothing else changed: what its site serves changed all the same (its
    // files' precompressed variants were published), so followers build it
    // again. A project gone meanwhile is no error.
    Status touchSite(qint64 projectId);

private:
    Result<QHash<qint64, qint64>> idPairs(const QString &sql);
    Result<std::optional<qint64>> optionalId(const QString &sql, qint64 key);

    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
