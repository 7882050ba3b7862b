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

// Rows of `builds`: persisted jobs, so a restart knows what was queued and
// what was running. No ownership checks here.
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
    // Every queued build, oldest first.
    Result<QList<model::Build>> queued();
    // Writes status, detection, phases, error, version, times and log size.
    Status update(const model::Build &build);
    // At start-up: running builds of a process that is gone become
    // interrupted with `error`. Answers how many.
    Result<int> interruptRunning(qint64 nowMs, const Error &error);

private:
    Result<QList<model::Build>> collect(const QString &where, qint64 key);

    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
