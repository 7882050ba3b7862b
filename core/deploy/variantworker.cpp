// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/variantworker.h"

#include "core/deploy/blobguard.h"
#include "core/deploy/precompressor.h"

#include <sys/resource.h>
#include <unistd.h>

namespace ddd::core::deploy {

VariantWorker::VariantWorker(Precompressor &precompressor, BlobGuard &guard, Compressed compressed)
    : m_precompressor(precompressor), m_guard(guard), m_compressed(std::move(compressed)),
      m_thread([this] { run(); })
{
}

VariantWorker::~VariantWorker()
{
    stop();
}

void VariantWorker::enqueue(qint64 projectId, QList<blobs::ManifestEntry> files)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return;
        m_jobs.push_back({projectId, std::move(files)});
    }
    m_wake.notify_one();
}

void VariantWorker::waitUntilIdle()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_jobs.empty() && !m_busy; });
}

void VariantWorker::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_jobs.clear();
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool VariantWorker::next(Job &job)
{
    std::unique_lock lock(m_mutex);
    m_busy = false;
    if (m_jobs.empty())
        m_idle.notify_all();
    m_wake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
    if (m_stopping)
        return false;
    job = std::move(m_jobs.front());
    m_jobs.pop_front();
    m_busy = true;
    return true;
}

void VariantWorker::run()
{
    // Compressing is background work: serving, uploads and builds come
    // first (Linux gives each thread its own nice value).
    ::setpriority(PRIO_PROCESS, ::gettid(), 10);
    Job job;
    while (next(job)) {
        {
            // The collector waits while blobs are read and variants committed.
            const auto protection = m_guard.protectNewBlobs();
            m_precompressor.prepare(job.files);
        }
        m_compressed(job.projectId);
    }
    std::lock_guard lock(m_mutex);
    m_busy = false;
    m_idle.notify_all();
}

} // namespace ddd::core::deploy
