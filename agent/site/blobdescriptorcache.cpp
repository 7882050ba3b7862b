// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/blobdescriptorcache.h"

#include "agent/site/blobprobe.h"

#include <sys/stat.h>

namespace ddd::agent::site {

namespace {

// Whether the cached file is still the store's blob. The store only ever
// adds a blob (renamed into place, same content) or unlinks one (garbage
// collection, or anything replacing it, a symlink say): an inode still
// linked, regular and of the manifest's size is the blob we checked. fstat
// on the descriptor needs no path walk, unlike an lstat of the path.
bool stillLinked(const http::FileHandle &file, qint64 expectedSize)
{
    struct stat info = {};
    return ::fstat(file.fd(), &info) == 0 && info.st_nlink > 0 && S_ISREG(info.st_mode)
        && qint64(info.st_size) == expectedSize;
}

} // namespace

BlobDescriptorCache::BlobDescriptorCache(int capacity) : m_capacity(std::max(0, capacity))
{
}

core::Result<std::shared_ptr<const http::FileHandle>> BlobDescriptorCache::open(const QString &path,
                                                                                 qint64 expectedSize)
{
    if (std::shared_ptr<const http::FileHandle> file = cached(path)) {
        if (stillLinked(*file, expectedSize))
            return file;
        forget(path);
    }
    auto opened = BlobProbe::open(path, expectedSize);
    if (opened)
        remember(path, *opened);
    return opened;
}

int BlobDescriptorCache::size() const
{
    std::lock_guard lock(m_mutex);
    return int(m_entries.size());
}

std::shared_ptr<const http::FileHandle> BlobDescriptorCache::cached(const QString &path)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(path);
    if (it == m_entries.end())
        return nullptr;
    m_recency.splice(m_recency.begin(), m_recency, it->recency);
    return it->file;
}

void BlobDescriptorCache::remember(const QString &path, std::shared_ptr<const http::FileHandle> file)
{
    if (m_capacity == 0)
        return;
    std::lock_guard lock(m_mutex);
    if (m_entries.contains(path))
        return; // another thread opened it meanwhile; either descriptor serves
    while (m_entries.size() >= m_capacity) {
        // Responses still streaming from the evicted descriptor keep it open.
        m_entries.remove(m_recency.back());
        m_recency.pop_back();
    }
    m_recency.push_front(path);
    m_entries.insert(path, Entry{std::move(file), m_recency.begin()});
}

void BlobDescriptorCache::forget(const QString &path)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(path);
    if (it == m_entries.end())
        return;
    m_recency.erase(it->recency);
    m_entries.erase(it);
}

} // namespace ddd::agent::site
