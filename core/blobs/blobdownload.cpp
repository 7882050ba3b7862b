// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/blobdownload.h"

#include <vector>

namespace ddd::core::blobs {

BlobDownload::BlobDownload(QString committedPath) : m_committedPath(std::move(committedPath))
{
}

void BlobDownload::writingTo(const QString &stagingFile)
{
    std::lock_guard lock(m_mutex);
    m_stagingFile = stagingFile;
}

void BlobDownload::progressed()
{
    std::unique_lock lock(m_mutex);
    m_anyPiece = true;
    wakeAll(lock);
}

void BlobDownload::finish(const Status &outcome)
{
    std::unique_lock lock(m_mutex);
    m_outcome = outcome;
    wakeAll(lock);
}

// The wakes run unlocked: one may call back into this object.
void BlobDownload::wakeAll(std::unique_lock<std::mutex> &lock)
{
    std::vector<std::function<void()>> wakes;
    for (const auto &[id, wake] : m_wakes)
        wakes.push_back(wake);
    lock.unlock();
    m_changed.notify_all();
    for (const auto &wake : wakes)
        wake();
}

QString BlobDownload::readablePath() const
{
    std::lock_guard lock(m_mutex);
    if (m_outcome && m_outcome->ok())
        return m_committedPath;
    return m_stagingFile;
}

std::optional<Status> BlobDownload::outcome() const
{
    std::lock_guard lock(m_mutex);
    return m_outcome;
}

Status BlobDownload::wait() const
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_outcome.has_value(); });
    return *m_outcome;
}

void BlobDownload::waitForFirstPiece() const
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_anyPiece || m_outcome.has_value(); });
}

int BlobDownload::subscribe(std::function<void()> wake)
{
    std::lock_guard lock(m_mutex);
    m_wakes.emplace(m_nextId, std::move(wake));
    return m_nextId++;
}

void BlobDownload::unsubscribe(int id)
{
    std::lock_guard lock(m_mutex);
    m_wakes.erase(id);
}

} // namespace ddd::core::blobs
