// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/blobcachekeeper.h"

#include "core/deploy/blobcachetrimmer.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

#include <utility>

namespace ddd::core::deploy {

namespace {
Q_LOGGING_CATEGORY(lcBlobCache, "ddd.core.deploy")
}

BlobCacheKeeper::BlobCacheKeeper(BlobCacheTrimmer &trimmer, ThreadExit threadExit,
                                 std::chrono::milliseconds retryAfter, std::chrono::milliseconds roundEvery)
    : m_trimmer(trimmer), m_threadExit(std::move(threadExit)), m_retryAfter(retryAfter), m_roundEvery(roundEvery),
      m_thread([this] { run(); })
{
}

BlobCacheKeeper::~BlobCacheKeeper()
{
    stop();
}

void BlobCacheKeeper::added(qint64 bytes)
{
    std::lock_guard lock(m_mutex);
    m_estimateBytes += bytes;
    if (m_busy)
        m_addedDuringTrim += bytes;
    else if (m_trimmer.capped() && m_estimateBytes > m_trimmer.maxBytes() && !m_due) {
        m_due = true;
        m_wake.notify_one();
    }
}

void BlobCacheKeeper::measure()
{
    std::lock_guard lock(m_mutex);
    m_due = true;
    m_wake.notify_one();
}

void BlobCacheKeeper::waitUntilIdle()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_stopping || (!m_due && !m_busy); });
}

void BlobCacheKeeper::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_idle.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void BlobCacheKeeper::run()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        auto woken = [this] { return m_stopping || m_due; };
        if (m_roundEvery.count() > 0) {
            if (!m_wake.wait_for(lock, m_roundEvery, woken))
                m_due = true;
        } else {
            m_wake.wait(lock, woken);
        }
        if (m_stopping)
            break;
        trimOnce(lock);
    }
    lock.unlock();
    if (m_threadExit)
        m_threadExit();
}

void BlobCacheKeeper::report(const Result<BlobCacheTrimmer::Outcome> &outcome, qint64 elapsedMs)
{
    if (!outcome) {
        qCWarning(lcBlobCache).noquote() << "cannot trim the blob cache:" << outcome.error().message;
        return;
    }
    // The first round says what start-up found; later ones speak when they evict.
    if (outcome->evictedBlobs == 0 && std::exchange(m_measured, true))
        return;
    const QString cap = m_trimmer.capped() ? u"of at most %1 bytes"_qs.arg(m_trimmer.maxBytes()) : u"(no cap)"_qs;
    qCInfo(lcBlobCache).noquote()
        << u"blob cache: %1 blobs (%2 bytes) %3 kept; %4 removed (%5 bytes, held by the bucket); scanned in %6 ms"_qs
               .arg(outcome->heldBlobs).arg(outcome->heldBytes).arg(cap).arg(outcome->evictedBlobs)
               .arg(outcome->evictedBytes).arg(elapsedMs);
}

void BlobCacheKeeper::trimOnce(std::unique_lock<std::mutex> &lock)
{
    m_busy = true;
    m_addedDuringTrim = 0;
    lock.unlock();
    QElapsedTimer timer;
    timer.start();
    const Result<BlobCacheTrimmer::Outcome> outcome = m_trimmer.trim();
    report(outcome, timer.elapsed());
    lock.lock();
    m_busy = false;
    if (outcome && !outcome->skipped)
        m_estimateBytes = outcome->heldBytes + m_addedDuringTrim;
    const bool settled =
        outcome && !outcome->skipped && (!m_trimmer.capped() || m_estimateBytes <= m_trimmer.maxBytes());
    m_due = false;
    m_idle.notify_all();
    if (settled) {
        m_overCapReported = false;
        return;
    }
    if (outcome && !outcome->skipped && !std::exchange(m_overCapReported, true))
        qCWarning(lcBlobCache).noquote() << u"the blob cache holds %1 bytes, over its cap of %2: what is left was "
                                            "read or written moments ago, or is not in the bucket yet; trying again "
                                            "shortly"_qs.arg(m_estimateBytes).arg(m_trimmer.maxBytes());
    m_wake.wait_for(lock, m_retryAfter, [this] { return m_stopping; });
    m_due = true;
}

} // namespace ddd::core::deploy
