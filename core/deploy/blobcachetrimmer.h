// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>

namespace ddd::core {
class Clock;
}

namespace ddd::core::blobs {
class BlobStore;
class BlobUsage;
} // namespace ddd::core::blobs

namespace ddd::core::storage {
class PublishedBlobStore;
}

namespace ddd::core::deploy {

// Brings the local blob store, a cache of shared object storage, back under
// its size cap (blobs.cache_max_bytes): deletes the least recently used
// blobs down to nine tenths of the cap, so the next few additions do not
// trim again at once. Only blobs recorded as published to the bucket go, so
// every deleted blob can be fetched back; a blob read within `minIdleMs`
// stays too (a reader may be between BlobStore::ensureHeld and opening it),
// which makes the cap a target that a burst of new content may pass.
// Blobs `kept` names never go either: the agent passes every version's
// rules files (`_redirects`, `_headers`), which activation and start-up read,
// so neither waits on the bucket (up to its timeout) for a few bytes.
// Precompressed variants are local-only (not in the bucket) and neither
// counted nor deleted.
//
// On an agent that follows another every local blob is a copy of the
// bucket's, and with dropUnreferenced() a round first deletes the copies no
// version or source references any more (their versions were deleted
// elsewhere), idle ones only, whatever the cap; without a cap (maxBytes 0)
// that is all a round does. It never writes the database.
//
// It takes the store's sweep lock like garbage collection does, so it never
// deletes under a running backup or check, and skips the round instead.
// Error codes: io.error, storage.*.
class BlobCacheTrimmer final
{
public:
    struct Limits
    {
        qint64 maxBytes = 0; // 0: no cap
        qint64 minIdleMs = 10'000;
    };
    struct Outcome
    {
        bool skipped = false; // a backup or check held the store
        int heldBlobs = 0;    // afterwards
        qint64 heldBytes = 0;
        int evictedBlobs = 0;
        qint64 evictedBytes = 0;
    };

    using Kept = std::function<Result<QSet<QByteArray>>()>;
    using Referenced = std::function<Result<QSet<QByteArray>>()>;

    BlobCacheTrimmer(const blobs::BlobStore &store, storage::PublishedBlobStore &published, QString storeIdentity,
                     blobs::BlobUsage &usage, const Clock &clock, Limits limits, Kept kept = {});

    qint64 maxBytes() const { return m_limits.maxBytes; }
    bool capped() const { return m_limits.maxBytes > 0; }
    // `referenced` answers every blob a version or source uses.
    void dropUnreferenced(Referenced referenced) { m_referenced = std::move(referenced); }
    Result<Outcome> trim();

private:
    struct Held
    {
        QByteArray sha256;
        qint64 size = 0;
        qint64 lastUsedMs = 0;
    };
    // Bounds one database query's list of hashes.
    static constexpr int BatchSize = 256;

    Result<QList<Held>> scan() const;
    // Removes what went from `held`.
    Status dropUnreferenced(QList<Held> &held, Outcome &outcome);
    Status evictOldest(QList<Held> held, Outcome &outcome);
    // Adds what it deletes to `evicted` when given.
    Result<bool> evictBatch(const QList<Held> &batch, qint64 targetBytes, Outcome &outcome,
                            QSet<QByteArray> *evicted = nullptr);

    const blobs::BlobStore &m_store;
    storage::PublishedBlobStore &m_published;
    const QString m_storeIdentity;
    blobs::BlobUsage &m_usage;
    const Clock &m_clock;
    const Limits m_limits;
    const Kept m_kept;
    Referenced m_referenced;
};

} // namespace ddd::core::deploy
