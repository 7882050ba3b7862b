// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/blobdescriptorcache.h"

#include "agent/site/blobprobe.h"
#include "core/blobs/blobstore.h"

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

BlobDescriptorCache::BlobDescriptorCache(const core::blobs::BlobStore &blobs, Limits limits)
    : m_blobs(blobs), m_limits(limits)
{
}

core::Result<std::shared_ptr<const http::FileHandle>>
BlobDescriptorCache::open(const QByteArray &sha256, std::optional<core::blobs::ContentCoding> coding,
                          qint64 expectedSize)
{
    const Key key{sha256, coding ? int(*coding) : -1};
    if (Hit hit = cached(key); hit.file) {
        if (!hit.due || stillLinked(*hit.file, expectedSize))
            return std::move(hit.file);
        forget(key);
    }
    auto opened = probe(key, expectedSize);
    if (opened)
        remember(key, *opened);
    return opened;
}

core::Result<std::shared_ptr<const http::FileHandle>> BlobDescriptorCache::probe(const Key &key, qint64 expectedSize)
{
    // Empty for a malformed hash.
    const QString path = key.coding < 0
        ? m_blobs.pathFor(key.sha256)
        : m_blobs.variantPath(key.sha256, core::blobs::ContentCoding(key.coding));
    if (path.isEmpty())
        return core::Error::make(u"site.blob_unreadable"_qs, u"malformed content hash"_qs);
    // Racing probes may overshoot the budget by a file each; remember()
    // counts only what it keeps.
    const bool fits = m_limits.capacity > 0 && expectedSize <= m_limits.memoryFileBytes
        && memoryBytes() + expectedSize <= m_limits.memoryBytes;
    return BlobProbe::open(path, expectedSize, fits ? expectedSize : -1);
}

int BlobDescriptorCache::size() const
{
    std::lock_guard lock(m_mutex);
    return int(m_entries.size());
}

BlobDescriptorCache::Hit BlobDescriptorCache::cached(const Key &key)
{
    const Clock::time_point now = Clock::now();
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return {};
    m_recency.splice(m_recency.begin(), m_recency, it->recency);
    const bool due = now - it->checkedAt >= m_limits.revalidateAfter;
    if (due)
        it->checkedAt = now; // one caller checks; the others within the interval need not
    return Hit{it->file, due};
}

void BlobDescriptorCache::remember(const Key &key, std::shared_ptr<const http::FileHandle> file)
{
    if (m_limits.capacity <= 0)
        return;
    const Clock::time_point now = Clock::now();
    std::lock_guard lock(m_mutex);
    if (m_entries.contains(key))
        return; // another thread opened it meanwhile; either descriptor serves
    while (m_entries.size() >= m_limits.capacity) // streaming responses keep an evicted descriptor open
        dropLocked(m_entries.find(m_recency.back()));
    if (file->memory())
        m_memoryBytes.fetch_add(file->size(), std::memory_order_relaxed);
    m_recency.push_front(key);
    m_entries.insert(key, Entry{std::move(file), m_recency.begin(), now});
}

void BlobDescriptorCache::forget(const Key &key)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(key);
    if (it != m_entries.end())
        dropLocked(it);
}

void BlobDescriptorCache::dropLocked(QHash<Key, Entry>::iterator entry)
{
    if (entry->file->memory())
        m_memoryBytes.fetch_sub(entry->file->size(), std::memory_order_relaxed);
    m_recency.erase(entry->recency);
    m_entries.erase(entry);
}

} // namespace ddd::agent::site
