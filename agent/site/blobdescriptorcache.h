// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/filehandle.h"
#include "core/blobs/blobvariant.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QHash>

#include <list>
#include <memory>
#include <mutex>
#include <optional>

namespace ddd::core::blobs {
class BlobStore;
}

namespace ddd::agent::site {

// Open descriptors of recently served blobs and variants, at most
// `capacity`, least recently used dropped first. Keyed by content hash and
// coding, so a hit builds no path: the store's path is worked out only to
// open a file. Blobs are immutable and content-addressed, so a descriptor
// BlobProbe checked once stays right content-wise; a hit costs one fstat(2)
// of the open descriptor instead of two opens, an fstat and two closes. That
// fstat must still find the file linked (st_nlink > 0), regular and of the
// manifest's size: a blob deleted (garbage collected) or replaced (by a
// symlink, say) since was unlinked, so it is dropped and probed again; the
// cache never serves what the store no longer holds. Thread-safe.
class BlobDescriptorCache final
{
public:
    // `blobs` must outlive the cache.
    BlobDescriptorCache(const core::blobs::BlobStore &blobs, int capacity);

    // A checked descriptor for the blob `sha256` (hex), or its variant in
    // `coding`, holding `expectedSize` bytes. Fails with BlobProbe's codes,
    // or site.blob_unreadable for a malformed hash (a damaged manifest
    // value never names a file). A probe that fails is not cached:
    // site.out_of_descriptors clears up by itself.
    core::Result<std::shared_ptr<const http::FileHandle>>
    open(const QByteArray &sha256, std::optional<core::blobs::ContentCoding> coding, qint64 expectedSize);
    int size() const;

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
    };

    core::Result<std::shared_ptr<const http::FileHandle>> probe(const Key &key, qint64 expectedSize);
    std::shared_ptr<const http::FileHandle> cached(const Key &key);
    void remember(const Key &key, std::shared_ptr<const http::FileHandle> file);
    void forget(const Key &key);

    const core::blobs::BlobStore &m_blobs;
    const int m_capacity;
    mutable std::mutex m_mutex;
    QHash<Key, Entry> m_entries;
    std::list<Key> m_recency; // most recently used first
};

} // namespace ddd::agent::site
