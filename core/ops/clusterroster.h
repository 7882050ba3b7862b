// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ddd::core {
class Clock;
}

namespace ddd::core::storage {
class AgentStore;
}

namespace ddd::core::ops {

// The agents sharing the metadata database as the operator's status page
// shows them, from their heartbeats (ClusterHeartbeat): the SQL and what
// "alive" and "behind" mean stay in core, out of the controller.
class ClusterRoster final
{
public:
    struct Member
    {
        QString id;
        QString name;
        QStringList roles;
        QString version;
        qint64 startedAtMs = 0;
        qint64 heartbeatAtMs = 0;
        bool alive = false; // a heartbeat within the last three intervals
        qint64 lagMs = 0;   // how long a site agent's sites have differed from the database
    };

    ClusterRoster(storage::AgentStore &agents, const Clock &clock) : m_agents(agents), m_clock(clock) {}

    // Every agent, by name then id.
    Result<QList<Member>> members() const;

private:
    storage::AgentStore &m_agents;
    const Clock &m_clock;
};

} // namespace ddd::core::ops
