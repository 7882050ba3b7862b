// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <stop_token>
#include <thread>
#include <vector>

namespace ddd::core {
class Clock;
}

namespace ddd::core::storage {
class BuildStore;
}

namespace ddd::core::build {

// Runs builds on its own threads (never the HTTP workers), taking them from
// the queue in the database that every agent with the build role shares
// (BuildStore::claimNext): at most `concurrency` at once on this agent, at
// most `perUser` of one user at once here. An idle thread claims the next
// build when woken (a build was queued here) and at least every `pollEvery`
// (another agent queued one). A watcher thread, as often, stops the builds
// running here that someone asked to cancel on any agent, and records
// interrupted the builds of agents that stopped beating. Thread-safe.
class BuildQueue final
{
public:
    struct Options final
    {
        QString agentId; // ClusterHeartbeat::identity
        int concurrency = 2;
        int perUser = 2;
        std::chrono::milliseconds pollEvery{1000};
        // ClusterHeartbeat beats every 5 s.
        std::chrono::milliseconds orphanAfter{30000};
    };
    using Run = std::function<void(qint64 buildId, std::stop_token stop)>;

    BuildQueue(storage::BuildStore &store, const Clock &clock, Options options, Run run);
    ~BuildQueue();
    BuildQueue(const BuildQueue &) = delete;
    BuildQueue &operator=(const BuildQueue &) = delete;

    // A build was queued: an idle thread claims it now rather than at its next poll.
    void wake();
    // Requests the stop of a build running here; false when it does not run here.
    bool stopRunning(qint64 buildId);
    // Stops every running build and joins the threads.
    void stop();

private:
    struct Claimed final
    {
        qint64 buildId = 0;
        std::stop_token stop;
    };

    void work(std::stop_token stop);
    std::optional<Claimed> claimNext();
    QList<qint64> busyUsers() const;
    void watch(std::stop_token stop);
    void stopCancelled();
    void interruptOrphans();

    storage::BuildStore &m_store;
    const Clock &m_clock;
    const Options m_options;
    const Run m_run;
    std::mutex m_mutex;
    std::condition_variable_any m_changed;
    bool m_woken = false;
    std::map<qint64, std::pair<qint64, std::stop_source>> m_running; // build -> user, stop
    std::vector<std::jthread> m_threads;
};

} // namespace ddd::core::build
