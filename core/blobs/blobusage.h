// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>

#include <array>
#include <mutex>

namespace ddd::core {
class Clock;
}

namespace ddd::core::blobs {

// When each blob was last read since the agent started, for the
// least-recently-used eviction of a size-capped blob cache
// (BlobCacheTrimmer). Touched on every site request for a file, so the
// hashes are spread over shards by their first hex digit and serving threads
// rarely meet on one lock. A blob not touched since start has no entry; the
// trimmer then goes by its file's modification time. Thread-safe.
class BlobUsage final
{
public:
    explicit BlobUsage(const Clock &clock);

    void touch(const QByteArray &sha256);
    // Unix milliseconds of the last touch, or 0 when none since start.
    qint64 lastUsedMs(const QByteArray &sha256) const;
    // Dropped with the blob, so the table only holds what the store holds.
    void forget(const QByteArray &sha256);
    int size() const;

private:
    struct Shard
    {
        mutable std::mutex mutex;
        QHash<QByteArray, qint64> lastUsedMs;
    };
    static constexpr int ShardCount = 16;

    Shard &shardOf(const QByteArray &sha256) const;

    const Clock &m_clock;
    mutable std::array<Shard, ShardCount> m_shards;
};

} // namespace ddd::core::blobs
