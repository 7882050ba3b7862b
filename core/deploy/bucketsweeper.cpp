// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/bucketsweeper.h"

#include "core/deploy/bucketcollector.h"

#include <QLoggingCategory>

namespace ddd::core::deploy {

namespace {

Q_LOGGING_CATEGORY(lcSweeper, "ddd.core.deploy")

} // namespace

BucketSweeper::BucketSweeper(BucketCollector &collector, ThreadExit threadExit, Options options)
    : m_collector(collector), m_threadExit(std::move(threadExit)), m_options(options)
{
}

BucketSweeper::~BucketSweeper()
{
    stop();
}

void BucketSweeper::start()
{
    m_nextAll = SteadyClock::now() + m_options.interval;
    m_running = true;
    m_thread = std::jthread([this](std::stop_token stop) { run(stop); });
}

void BucketSweeper::stop()
{
    if (!m_thread.joinable())
        return;
    m_thread.request_stop();
    m_thread.join();
}

void BucketSweeper::offer(const QSet<QByteArray> &candidates)
{
    if (candidates.isEmpty())
        return;
    std::lock_guard lock(m_mutex);
    m_candidates.unite(candidates);
    m_wake.notify_all();
}

void BucketSweeper::offerAll()
{
    std::lock_guard lock(m_mutex);
    m_all = true;
    m_wake.notify_all();
}

void BucketSweeper::sweepAllNow()
{
    {
        std::lock_guard lock(m_mutex);
        m_all = true;
        m_listing = true;
        m_notBefore = {};
        m_wake.notify_all();
    }
    waitUntilIdle();
}

void BucketSweeper::waitUntilIdle()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] {
        const bool pending = m_all || !m_candidates.isEmpty();
        return !m_busy && (!pending || SteadyClock::now() < m_notBefore || !m_running);
    });
}

bool BucketSweeper::roundDue()
{
    const SteadyClock::time_point now = SteadyClock::now();
    if (now >= m_nextAll) {
        m_all = true;
        m_listing = true;
        m_nextAll = now + m_options.interval;
    }
    return (m_all || !m_candidates.isEmpty()) && now >= m_notBefore;
}

BucketSweeper::SteadyClock::time_point BucketSweeper::wakeAt() const
{
    const bool pending = m_all || !m_candidates.isEmpty();
    return pending ? std::min(m_notBefore, m_nextAll) : m_nextAll;
}

void BucketSweeper::run(std::stop_token stop)
{
    std::unique_lock lock(m_mutex);
    while (!stop.stop_requested()) {
        if (!m_wake.wait_until(lock, stop, wakeAt(), [this] { return roundDue(); }))
            continue;
        const Round round{std::exchange(m_candidates, {}), std::exchange(m_all, false),
                          std::exchange(m_listing, false)};
        m_busy = true;
        lock.unlock();
        const bool done = sweep(round);
        lock.lock();
        m_busy = false;
        if (!done) {
            m_candidates.unite(round.candidates);
            m_all = m_all || round.all;
            m_listing = m_listing || round.listing;
            m_notBefore = SteadyClock::now() + m_options.retryAfter;
        }
        m_idle.notify_all();
    }
    m_running = false;
    m_idle.notify_all();
    lock.unlock();
    if (m_threadExit)
        m_threadExit();
}

// Listing the bucket costs a call per 1,000 objects: only the hourly round
// does, not every full round a local collection asks for.
bool BucketSweeper::sweep(const Round &round)
{
    if (round.listing)
        if (Result<int> adopted = m_collector.adoptUnrecorded(); !adopted) {
            qCWarning(lcSweeper).noquote() << "The bucket could not be listed, tried again later:"
                                           << adopted.error().message;
            return false;
        }
    const Result<BucketCollector::Outcome> outcome =
        round.all ? m_collector.collectAll() : m_collector.collect(round.candidates.values());
    if (!outcome) {
        qCWarning(lcSweeper).noquote() << "Garbage collection in the bucket failed, tried again later:"
                                       << outcome.error().message;
        return false;
    }
    if (outcome->deferred)
        qCInfo(lcSweeper) << "A backup or check reads the blob store; the bucket's garbage waits";
    return !outcome->deferred;
}

} // namespace ddd::core::deploy
