// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/agentstore.h"
#include "core/util/result.h"

#include <chrono>
#include <functional>
#include <optional>
#include <thread>

namespace ddd::core {
class Clock;
}

namespace ddd::core::ops {

// Each agent sharing a PostgreSQL database writes its row of `agents` when
// it starts and every `interval` from a thread of its own, so
// /api/v1/status lists the cluster: who is there, with which roles and
// release, when each was last heard of, and since when a site agent's
// sites lag behind the database. Rows not heard of for `forgetAfter` are
// dropped on the way.
class ClusterHeartbeat final
{
public:
    struct Options
    {
        std::chrono::milliseconds interval{std::chrono::seconds(5)};
        std::chrono::milliseconds forgetAfter{std::chrono::hours(24)};
    };
    // When this agent's sites stopped matching the database; nothing when
    // they match (or the agent serves no sites it follows).
    using BehindSince = std::function<std::optional<qint64>()>;

    ClusterHeartbeat(storage::AgentStore &store, storage::AgentStore::Record self, BehindSince behindSince,
                     const Clock &clock, std::function<void()> threadExit, Options options);
    ~ClusterHeartbeat();
    ClusterHeartbeat(const ClusterHeartbeat &) = delete;
    ClusterHeartbeat &operator=(const ClusterHeartbeat &) = delete;

    // One heartbeat now, on the caller's thread.
    Status beat();
    void start();
    void stop();

    // The agent's lasting id: <dataDir>/agent-id, a random UUID written on
    // the first start, so a restarted agent keeps its row.
    static Result<QString> identity(const QString &dataDir);

private:
    void run(std::stop_token stop);

    storage::AgentStore &m_store;
    storage::AgentStore::Record m_self;
    BehindSince m_behindSince;
    const Clock &m_clock;
    std::function<void()> m_threadExit;
    Options m_options;
    std::jthread m_thread;
};

} // namespace ddd::core::ops
