// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/ops/clusterroster.h"

#include "core/ops/clusterheartbeat.h"
#include "core/storage/agentstore.h"
#include "core/util/clock.h"

#include <algorithm>

namespace ddd::core::ops {

Result<QList<ClusterRoster::Member>> ClusterRoster::members() const
{
    // Three missed heartbeats and an agent is not alive.
    const qint64 aliveWithinMs = 3 * qint64(ClusterHeartbeat::Options().interval.count());
    Result<QList<storage::AgentStore::Record>> agents = m_agents.list();
    if (!agents)
        return agents.error();
    const qint64 now = m_clock.nowMs();
    QList<Member> members;
    for (const storage::AgentStore::Record &agent : *agents)
        members.append({agent.id, agent.name, agent.roles, agent.version, agent.startedAtMs, agent.heartbeatAtMs,
                        now - agent.heartbeatAtMs <= aliveWithinMs,
                        agent.behindSinceMs ? std::max<qint64>(0, now - *agent.behindSinceMs) : 0});
    return members;
}

} // namespace ddd::core::ops
