// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <stop_token>
#include <thread>
#include <vector>

namespace ddd::core::build {

// Runs builds on its own threads (never the HTTP workers): at most
// `global` at once, at most `perUser` of one user at once, oldest first
// among those allowed. Cancelling a queued build drops it; cancelling a
// running one requests its stop. Thread-safe.
class BuildQueue final
{
public:
    using Run = std::function<void(qint64 buildId, std::stop_token stop)>;

    BuildQueue(int global, int perUser, Run run);
    ~BuildQueue();
    BuildQueue(const BuildQueue &) = delete;
    BuildQueue &operator=(const BuildQueue &) = delete;

    void enqueue(qint64 buildId, qint64 userId);
    // Builds waiting for a slot (not the running ones).
    int waiting();
    enum class Cancelled { NotFound, Dropped, Stopping };
    Cancelled cancel(qint64 buildId);
    // Stops every running build, drops the queue and joins the threads.
    void stop();

private:
    struct Job final
    {
        qint64 buildId = 0;
        qint64 userId = 0;
    };

    void work(std::stop_token stop);
    bool takeNext(Job &job);
    int runningOf(qint64 userId) const;

    const int m_perUser;
    const Run m_run;
    std::mutex m_mutex;
    std::condition_variable_any m_changed;
    std::deque<Job> m_queued;
    std::map<qint64, std::pair<qint64, std::stop_source>> m_running; // build -> user, stop
    std::vector<std::jthread> m_threads;
};

} // namespace ddd::core::build
