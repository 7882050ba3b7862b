// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/filehandle.h"
#include "core/util/result.h"

#include <QHash>
#include <QString>

#include <list>
#include <memory>
#include <mutex>

namespace ddd::agent::site {

// Open descriptors of recently served blobs, at most `capacity`, least
// recently used dropped first. Blobs are immutable and content-addressed,
// so a descriptor BlobProbe checked once stays right content-wise; a hit
// costs one fstat(2) of the open descriptor instead of two opens, an fstat
// and two closes. That fstat must still find the file linked (st_nlink > 0),
// regular and of the manifest's size: a blob deleted (garbage collected) or
// replaced (by a symlink, say) since was unlinked, so it is dropped and
// probed again; the cache never serves what the store no longer holds.
// Thread-safe.
class BlobDescriptorCache final
{
public:
    explicit BlobDescriptorCache(int capacity);

    // A checked descriptor for the blob at `path` holding `expectedSize`
    // bytes, with BlobProbe's error codes when there is none. A probe that
    // fails is not cached: site.out_of_descriptors clears up by itself.
    core::Result<std::shared_ptr<const http::FileHandle>> open(const QString &path, qint64 expectedSize);
    int size() const;

private:
    struct Entry
    {
        std::shared_ptr<const http::FileHandle> file;
        std::list<QString>::iterator recency;
    };

    std::shared_ptr<const http::FileHandle> cached(const QString &path);
    void remember(const QString &path, std::shared_ptr<const http::FileHandle> file);
    void forget(const QString &path);

    const int m_capacity;
    mutable std::mutex m_mutex;
    QHash<QString, Entry> m_entries;
    std::list<QString> m_recency; // most recently used first
};

} // namespace ddd::agent::site
