// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/manifestentry.h"

#include <QList>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace ddd::core::deploy {

class BlobGuard;
class Precompressor;

// Makes precompressed variants off the deploy path, on one background
// thread: a version is ready (and live, when asked) as soon as its blobs and
// row are committed, and serves identity bodies for the moment it takes to
// compress them; then `compressed` tells the owner, which republishes the
// project's sites so they pick the variants up. Compressing 1,000 pages
// (5 MB) took 4 s of a 4.2 s deploy when it was done inline
// (docs/performance.md). One thread, so the cores stay with the site
// listener and the builds.
//
// Work queued but not done when the agent stops is lost on purpose: the
// start-up sweep (DeploymentService::reconcile) queues every retained blob
// that has no decision yet.
class VariantWorker final
{
public:
    using Compressed = std::function<void(qint64 projectId)>;

    VariantWorker(Precompressor &precompressor, BlobGuard &guard, Compressed compressed);
    ~VariantWorker();
    VariantWorker(const VariantWorker &) = delete;
    VariantWorker &operator=(const VariantWorker &) = delete;

    void enqueue(qint64 projectId, QList<blobs::ManifestEntry> files);
    // Blocks until nothing is queued or running (tests, benchmarks, shutdown).
    void waitUntilIdle();
    // Finishes the running job, drops the queued ones and joins the thread;
    // later enqueue() calls are ignored.
    void stop();

private:
    struct Job
    {
        qint64 projectId = 0;
        QList<blobs::ManifestEntry> files;
    };

    void run();
    bool next(Job &job);

    Precompressor &m_precompressor;
    BlobGuard &m_guard;
    const Compressed m_compressed;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    std::deque<Job> m_jobs;
    bool m_busy = false;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace ddd::core::deploy
