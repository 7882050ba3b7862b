// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/filehandle.h"
#include "core/blobs/blobvariant.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QHash>

#include <atomic>
#include <chrono>
#include <list>
#include <memory>
#include <mutex>
#include <optional>

namespace ddd::core::blobs {
class BlobStore;
}

namespace ddd::agent::site {

// Open descriptors of recently served blobs and variants, at most
// `capacity`, least recently used dropped first; small ones also held in
// memory, within a byte budget, so answering them costs no read. Keyed by
// content hash and coding, so a hit builds no path: the store's path is
// worked out only to open a file. Blobs are immutable and content-addressed,
// so a descriptor BlobProbe checked once stays right content-wise.
//
// An entry is revalidated with one fstat(2) of its descriptor at most once
// per `revalidateAfter` (nginx's open_file_cache_valid, 60 s by default
// there): the file must still be linked (st_nlink > 0), regular and of the
// manifest's size. A blob deleted (garbage collected) or replaced (by a
// symlink, say) since was unlinked, so it is dropped and probed again: the
// cache stops serving what the store no longer holds within that interval,
// and until then serves only the bytes it checked. A system call saved per
// answer is worth about a tenth of a small answer's throughput on a virtual
// machine (docs/performance.md). Thread-safe.
class BlobDescriptorCache final
{
public:
    using Clock = std::chrono::steady_clock;
    struct Limits
    {
        int capacity = 1000;
        qint64 memoryFileBytes = 16 * 1024;       // held in memory up to this size...
        qint64 memoryBytes = 4 * 1024 * 1024;     // ...while all held bytes stay within this
        Clock::duration revalidateAfter = std::chrono::seconds(1);
    };

    // `blobs` must outlive the cache.
    BlobDescriptorCache(const core::blobs::BlobStore &blobs, Limits limits);

    // A checked descriptor for the blob `sha256` (hex), or its variant in
    // `coding`, holding `expectedSize` bytes. Fails with BlobProbe's codes,
    // or site.blob_unreadable for a malformed hash (a damaged manifest
    // value never names a file). A probe that fails is not cached:
    // site.out_of_descriptors clears up by itself.
    core::Result<std::shared_ptr<const http::FileHandle>>
    open(const QByteArray &sha256, std::optional<core::blobs::ContentCoding> coding, qint64 expectedSize);
    int size() const;
    // Bytes of the entries held in memory.
    qint64 memoryBytes() const { return m_memoryBytes.load(std::memory_order_relaxed); }

private:
    struct Key
    {
        QByteArray sha256;
        int coding = -1; // -1: the blob itself
        bool operator==(const Key &) const = default;
        friend size_t qHash(const Key &key, size_t seed = 0) { return qHash(key.sha256, seed) ^ size_t(key.coding + 1); }
    };
    struct Entry
    {
        std::shared_ptr<const http::FileHandle> file;
        std::list<Key>::iterator recency;
        Clock::time_point checkedAt;
    };
    struct Hit
    {
        std::shared_ptr<const http::FileHandle> file;
        bool due = false; // its revalidation is due
    };

    core::Result<std::shared_ptr<const http::FileHandle>> probe(const Key &key, qint64 expectedSize);
    Hit cached(const Key &key);
    void remember(const Key &key, std::shared_ptr<const http::FileHandle> file);
    void forget(const Key &key);
    void dropLocked(QHash<Key, Entry>::iterator entry);

    const core::blobs::BlobStore &m_blobs;
    const Limits m_limits;
    mutable std::mutex m_mutex;
    QHash<Key, Entry> m_entries;
    std::list<Key> m_recency; // most recently used first
    std::atomic<qint64> m_memoryBytes{0};
};

} // namespace ddd::agent::site
