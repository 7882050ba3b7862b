// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/build.h"
#include "core/model/page.h"
#include "core/model/pagerequest.h"
#include "core/util/result.h"

#include <QList>

#include <optional>

namespace ddd::core::storage {

class ConnectionProvider;

// Rows of `builds`: persisted jobs, the queue every agent with the build
// role takes from, so a restart knows what was queued and what was running.
// No ownership checks here.
class BuildStore final
{
public:
    explicit BuildStore(ConnectionProvider &connections);

    // Numbers the build within its project; answers it as stored.
    Result<model::Build> insert(const model::Build &build);
    Result<std::optional<model::Build>> find(qint64 id);
    Result<QList<model::Build>> listByProject(qint64 projectId); // newest first
    // One page of them, newest first, after `request.after.number`.
    Result<model::Page<model::Build>> pageByProject(qint64 projectId, const model::PageRequest &request);
    // The project's queued or running build, if any.
    Result<std::optional<model::Build>> active(qint64 projectId);
    // Queued builds, all projects together.
    Result<int> countQueued();
    // The oldest queued build whose author (0: none) is not in `busyAuthors`
    // becomes running on `agentId`. Agents claiming at once never take one
    // build twice: the row is locked and skipped by the others (FOR UPDATE
    // SKIP LOCKED on PostgreSQL; SQLite has a single writer).
    Result<std::optional<model::Build>> claimNext(const QString &agentId, qint64 nowMs,
                                                  const QList<qint64> &busyAuthors);
    // Writes status, detection, phases, error, version, times and log size
    // of a build running on `agentId`. False, and nothing written, once it
    // no longer runs there (another agent took it for dead, or it was deleted).
    Result<bool> update(const model::Build &build, const QString &agentId);
    // A queued build becomes cancelled; false when it was no longer queued.
    Result<bool> cancelQueued(qint64 id, qint64 nowMs, const Error &error);
    // Asks the agent running the build to stop it (cancelRequested).
    Status requestCancel(qint64 id);
    // Builds running on `agentId` that someone asked to stop.
    Result<QList<qint64>> cancelRequested(const QString &agentId);
    // At start-up: builds that `agentId`'s last process left running (or
    // that no agent claimed, from before the shared queue) become
    // interrupted with `error`. Answers how many.
    Result<int> interruptRunning(const QString &agentId, qint64 nowMs, const Error &error);
    // Builds that another agent started before `silentSinceMs` and that have
    // not heard from it since (no heartbeat at or after that time): the
    // agent is gone, and they become interrupted. Answers their ids.
    Result<QList<qint64>> interruptOrphans(const QString &agentId, qint64 silentSinceMs, qint64 nowMs,
                                           const Error &error);

private:
    Result<QList<model::Build>> collect(const QString &where, qint64 key);

    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
