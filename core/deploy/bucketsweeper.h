// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QSet>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>

namespace ddd::core::deploy {

class BucketCollector;

// Runs BucketCollector on its own thread, so deleting objects never holds
// up a deploy (retention runs inside one) and an unreachable bucket never
// stalls one: the blobs garbage collection gives up here are offered, and
// every `interval` all published blobs are looked at (what was still within
// its grace period last time), after listing the bucket for blobs nobody
// recorded (BucketCollector::adoptUnrecorded). A round that failed (the
// bucket unreachable) or met a backup is tried again after `retryAfter`,
// not on every offer.
class BucketSweeper final
{
public:
    using ThreadExit = std::function<void()>; // releases the thread's database connection
    struct Options
    {
        std::chrono::milliseconds interval{std::chrono::hours(1)};
        std::chrono::milliseconds retryAfter{std::chrono::minutes(1)};
    };

    BucketSweeper(BucketCollector &collector, ThreadExit threadExit, Options options);
    ~BucketSweeper();
    BucketSweeper(const BucketSweeper &) = delete;
    BucketSweeper &operator=(const BucketSweeper &) = delete;

    void start();
    void stop();
    // Thread-safe and cheap.
    void offer(const QSet<QByteArray> &candidates);
    void offerAll();
    // Blocks until no round is running or due now (tests).
    void waitUntilIdle();
    // Tests: a full round now, even while a failed one waits to be retried,
    // and returns once it is over.
    void sweepAllNow();

private:
    using SteadyClock = std::chrono::steady_clock;
    struct Round
    {
        QSet<QByteArray> candidates;
        bool all = false;
        bool listing = false; // the hourly one: adopt what nobody recorded first
    };

    void run(std::stop_token stop);
    bool roundDue(); // under m_mutex
    SteadyClock::time_point wakeAt() const;
    bool sweep(const Round &round);

    BucketCollector &m_collector;
    const ThreadExit m_threadExit;
    const Options m_options;
    std::mutex m_mutex;
    std::condition_variable_any m_wake;
    std::condition_variable m_idle;
    QSet<QByteArray> m_candidates;
    bool m_all = false;
    bool m_listing = false;
    bool m_busy = false;
    bool m_running = false;
    SteadyClock::time_point m_nextAll;
    SteadyClock::time_point m_notBefore; // after a failed round
    std::jthread m_thread;
};

} // namespace ddd::core::deploy
