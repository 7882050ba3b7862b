// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/buildqueue.h"

#include "core/storage/buildstore.h"
#include "core/util/clock.h"

#include <QLoggingCategory>

#include <algorithm>

namespace ddd::core::build {

namespace {

Q_LOGGING_CATEGORY(lcQueue, "ddd.core.build.queue")

} // namespace

BuildQueue::BuildQueue(storage::BuildStore &store, const Clock &clock, Options options, Run run)
    : m_store(store), m_clock(clock), m_options(std::move(options)), m_run(std::move(run))
{
    // None on an agent without the build role: it queues, others run.
    for (int i = 0; i < m_options.concurrency; ++i)
        m_threads.emplace_back([this](std::stop_token stop) { work(stop); });
    m_threads.emplace_back([this](std::stop_token stop) { watch(stop); });
}

BuildQueue::~BuildQueue()
{
    stop();
}

void BuildQueue::wake()
{
    {
        std::lock_guard lock(m_mutex);
        m_woken = true;
    }
    m_changed.notify_all();
}

bool BuildQueue::stopRunning(qint64 buildId)
{
    std::lock_guard lock(m_mutex);
    const auto running = m_running.find(buildId);
    if (running == m_running.end())
        return false;
    running->second.second.request_stop();
    return true;
}

void BuildQueue::stop()
{
    {
        std::lock_guard lock(m_mutex);
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
        std::optional<Claimed> job = claimNext();
        if (!job) {
            std::unique_lock lock(m_mutex);
            m_changed.wait_for(lock, stop, m_options.pollEvery, [this] { return m_woken; });
            m_woken = false;
            continue;
        }
        // More may be waiting: the next idle thread looks at once.
        m_changed.notify_all();
        m_run(job->buildId, job->stop);
        {
            std::lock_guard lock(m_mutex);
            m_running.erase(job->buildId);
            m_woken = true; // a slot is free: the same user's next build may run
        }
        m_changed.notify_all();
    }
}

// Under the lock, so this agent's threads never overshoot a user's limit
// between counting and claiming.
std::optional<BuildQueue::Claimed> BuildQueue::claimNext()
{
    std::lock_guard lock(m_mutex);
    Result<std::optional<model::Build>> claimed = m_store.claimNext(m_options.agentId, m_clock.nowMs(), busyUsers());
    if (!claimed) {
        qCWarning(lcQueue).noquote() << "cannot take a build from the queue:" << claimed.error().message;
        return std::nullopt;
    }
    if (!claimed->has_value())
        return std::nullopt;
    const qint64 id = (*claimed)->id;
    const auto running = m_running.emplace(id, std::make_pair((*claimed)->authorId.value_or(0), std::stop_source()));
    m_woken = true;
    return Claimed{id, running.first->second.second.get_token()};
}

QList<qint64> BuildQueue::busyUsers() const
{
    std::map<qint64, int> runningPerUser;
    for (const auto &[id, running] : m_running)
        ++runningPerUser[running.first];
    QList<qint64> busy;
    for (const auto &[user, count] : runningPerUser)
        if (count >= std::max(1, m_options.perUser))
            busy.append(user);
    return busy;
}

void BuildQueue::watch(std::stop_token stop)
{
    while (!stop.stop_requested()) {
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait_for(lock, stop, m_options.pollEvery, [] { return false; });
        }
        if (stop.stop_requested())
            return;
        interruptOrphans();
        stopCancelled();
    }
}

void BuildQueue::stopCancelled()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_running.empty())
            return;
    }
    Result<QList<qint64>> asked = m_store.cancelRequested(m_options.agentId);
    if (asked)
        for (qint64 id : *asked)
            stopRunning(id);
}

void BuildQueue::interruptOrphans()
{
    const qint64 now = m_clock.nowMs();
    const Error gone = Error::make(u"build.interrupted"_qs, u"The agent running this build stopped answering"_qs);
    Result<QList<qint64>> orphans =
        m_store.interruptOrphans(m_options.agentId, now - m_options.orphanAfter.count(), now, gone);
    if (orphans && !orphans->isEmpty())
        qCWarning(lcQueue) << "builds of an agent that stopped beating were recorded interrupted:" << *orphans;
}

} // namespace ddd::core::build
