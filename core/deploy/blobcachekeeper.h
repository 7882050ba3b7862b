// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/deploy/blobcachetrimmer.h"

#include <QtGlobal>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace ddd::core::deploy {

// Runs BlobCacheTrimmer on its own thread whenever the blobs moved into the
// store (BlobStore::CacheHooks::added, counted here without a scan) take it
// over the cap, and once measure() is called (after start-up repair). A round that could not get under the cap
// (everything left was read recently, or not yet published, or a backup held
// the store) is tried again after `retryAfter`, not on every addition. With
// `roundEvery` a round also runs that often (an agent that follows another
// drops copies nobody references; without a cap that is its only trigger).
class BlobCacheKeeper final
{
public:
    using ThreadExit = std::function<void()>; // releases the thread's database connection

    BlobCacheKeeper(BlobCacheTrimmer &trimmer, ThreadExit threadExit,
                    std::chrono::milliseconds retryAfter = std::chrono::seconds(10),
                    std::chrono::milliseconds roundEvery = {});
    ~BlobCacheKeeper();
    BlobCacheKeeper(const BlobCacheKeeper &) = delete;
    BlobCacheKeeper &operator=(const BlobCacheKeeper &) = delete;

    // Thread-safe and cheap: called for every blob moved in.
    void added(qint64 bytes);
    // Scans the store now (and trims it when over): the first estimate.
    void measure();
    // Blocks until no trim is due or running (tests).
    void waitUntilIdle();
    void stop();

private:
    void run();
    void trimOnce(std::unique_lock<std::mutex> &lock);
    void report(const Result<BlobCacheTrimmer::Outcome> &outcome, qint64 elapsedMs);

    BlobCacheTrimmer &m_trimmer;
    const ThreadExit m_threadExit;
    const std::chrono::milliseconds m_retryAfter;
    const std::chrono::milliseconds m_roundEvery; // 0: only when due
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    qint64 m_estimateBytes = 0;  // held bytes: the last scan plus what was added since
    qint64 m_addedDuringTrim = 0;
    bool m_due = false;
    bool m_busy = false;
    bool m_stopping = false;
    bool m_overCapReported = false; // said once per spell over the cap
    bool m_measured = false;        // the first round was reported (trimming thread only)
    std::thread m_thread;
};

} // namespace ddd::core::deploy
