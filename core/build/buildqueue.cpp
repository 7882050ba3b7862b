// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/buildqueue.h"

#include <algorithm>

namespace ddd::core::build {

BuildQueue::BuildQueue(int global, int perUser, Run run) : m_perUser(std::max(1, perUser)), m_run(std::move(run))
{
    for (int i = 0; i < std::max(1, global); ++i)
        m_threads.emplace_back([this](std::stop_token stop) { work(stop); });
}

BuildQueue::~BuildQueue()
{
    stop();
}

void BuildQueue::enqueue(qint64 buildId, qint64 userId)
{
    {
        std::lock_guard lock(m_mutex);
        m_queued.push_back({buildId, userId});
    }
    m_changed.notify_all();
}

BuildQueue::Cancelled BuildQueue::cancel(qint64 buildId)
{
    std::lock_guard lock(m_mutex);
    const auto queued = std::find_if(m_queued.begin(), m_queued.end(), [&](const Job &job) { return job.buildId == buildId; });
    if (queued != m_queued.end()) {
        m_queued.erase(queued);
        return Cancelled::Dropped;
    }
    const auto running = m_running.find(buildId);
    if (running == m_running.end())
        return Cancelled::NotFound;
    running->second.second.request_stop();
    return Cancelled::Stopping;
}

int BuildQueue::waiting()
{
    std::lock_guard lock(m_mutex);
    return int(m_queued.size());
}

void BuildQueue::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_queued.clear();
        for (auto &[id, running] : m_running)
            running.second.request_stop();
    }
    for (std::jthread &thread : m_threads)
        thread.request_stop();
    m_changed.notify_all();
    m_threads.clear(); // joins
}

void BuildQueue::work(std::stop_token stop)
{
    while (!stop.stop_requested()) {
        Job job;
        std::stop_source source;
        {
            std::unique_lock lock(m_mutex);
            if (!m_changed.wait(lock, stop, [&] { return takeNext(job); }))
                return;
            source = m_running.at(job.buildId).second;
        }
        m_run(job.buildId, source.get_token());
        {
            std::lock_guard lock(m_mutex);
            m_running.erase(job.buildId);
        }
        // A finished build may let another user's or the same user's next one run.
        m_changed.notify_all();
    }
}

// Under the lock: the oldest queued job whose user is below the limit.
bool BuildQueue::takeNext(Job &job)
{
    const auto next = std::find_if(m_queued.begin(), m_queued.end(),
                                   [&](const Job &candidate) { return runningOf(candidate.userId) < m_perUser; });
    if (next == m_queued.end())
        return false;
    job = *next;
    m_queued.erase(next);
    m_running.emplace(job.buildId, std::make_pair(job.userId, std::stop_source()));
    return true;
}

int BuildQueue::runningOf(qint64 userId) const
{
    return int(std::count_if(m_running.begin(), m_running.end(),
                             [&](const auto &entry) { return entry.second.first == userId; }));
}

} // namespace ddd::core::build
