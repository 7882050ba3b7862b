// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ddd::core::storage {

class ConnectionProvider;

// agents (schema step 15): one row per agent sharing the database, written
// by its own ClusterHeartbeat, read for /api/v1/status.
class AgentStore final
{
public:
    struct Record
    {
        QString id; // AgentIdentity: stays with the data root across restarts
        QString name;
        QStringList roles;
        QString version;
        qint64 startedAtMs = 0;
        qint64 heartbeatAtMs = 0;
        std::optional<qint64> behindSinceMs; // a site agent's sites differ from the database since
    };

    explicit AgentStore(ConnectionProvider &connections);

    // Inserts or replaces the agent's row and, in the same transaction,
    // drops the rows whose last heartbeat is older than `forgetBeforeMs`:
    // agents long gone.
    Status beat(const Record &record, qint64 forgetBeforeMs);
    // Every agent, by name then id.
    Result<QList<Record>> list();

private:
    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
