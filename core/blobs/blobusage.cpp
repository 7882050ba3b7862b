// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/blobusage.h"

#include "core/util/clock.h"

namespace ddd::core::blobs {

BlobUsage::BlobUsage(const Clock &clock) : m_clock(clock)
{
}

BlobUsage::Shard &BlobUsage::shardOf(const QByteArray &sha256) const
{
    // Hashes are lower-case hex: the first digit spreads them evenly.
    const char first = sha256.isEmpty() ? '0' : sha256.at(0);
    const int digit = first >= 'a' ? first - 'a' + 10 : first - '0';
    return m_shards[size_t(digit) % ShardCount];
}

void BlobUsage::touch(const QByteArray &sha256)
{
    const qint64 now = m_clock.nowMs();
    Shard &shard = shardOf(sha256);
    std::lock_guard lock(shard.mutex);
    shard.lastUsedMs.insert(sha256, now);
}

qint64 BlobUsage::lastUsedMs(const QByteArray &sha256) const
{
    const Shard &shard = shardOf(sha256);
    std::lock_guard lock(shard.mutex);
    return shard.lastUsedMs.value(sha256, 0);
}

void BlobUsage::forget(const QByteArray &sha256)
{
    Shard &shard = shardOf(sha256);
    std::lock_guard lock(shard.mutex);
    shard.lastUsedMs.remove(sha256);
}

int BlobUsage::size() const
{
    int entries = 0;
    for (const Shard &shard : m_shards) {
        std::lock_guard lock(shard.mutex);
        entries += int(shard.lastUsedMs.size());
    }
    return entries;
}

} // namespace ddd::core::blobs
