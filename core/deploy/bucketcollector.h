// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ddd::core {
class Clock;
}

namespace ddd::core::blobs {
class SharedBlobs;
}

namespace ddd::core::storage {
class PublishedBlobStore;
class UploadSessionStore;
class VersionStore;
} // namespace ddd::core::storage

namespace ddd::core::deploy {

// Garbage collection in the shared bucket: deletes the objects of published
// blobs that no version, no source and no unexpired upload session
// references and that no deploy claimed within the grace period. The grace
// covers a deploy on any agent between claiming a blob the bucket holds
// (BlobPublisher::claim) and recording what references it; withdrawing a
// blob keeps its row locked until the object is gone
// (PublishedBlobStore::withdraw), so a claim never lands on an object being
// deleted. Only the agent holding the writer's lock runs it, and never while
// `ddd-agent backup` or `check` holds the SweepLock of `dataRoot` (they may
// read evicted blobs from the bucket).
//
// Error codes: the ObjectStore's objects.* (nothing more is tried this
// round; what is left stays recorded) and the database's storage.*.
class BucketCollector final
{
public:
    struct Outcome
    {
        int removed = 0;
        bool deferred = false; // a backup or check held the SweepLock: nothing was tried
    };

    // Longer than any deploy takes from claiming its blobs to recording its
    // version (upload sessions are covered by their own expiry).
    static constexpr qint64 DefaultGraceMs = 60LL * 60 * 1000;

    BucketCollector(blobs::SharedBlobs &shared, storage::PublishedBlobStore &published,
                    storage::VersionStore &versions, storage::UploadSessionStore &sessions, QString dataRoot,
                    const Clock &clock, qint64 graceMs);

    // The blobs among `candidates` that may go, gone.
    Result<Outcome> collect(const QList<QByteArray> &candidates);
    // Every published blob unclaimed for the grace period is a candidate.
    Result<Outcome> collectAll();
    // Records, claimed now, each blob the bucket holds that no row of
    // published_blobs knows: an upload whose agent stopped between the
    // store's confirmation and the row. A later round collects it like any
    // other once the grace period has passed unreferenced, so an upload
    // that another agent is about to record is never taken from it. Answers
    // how many were adopted.
    Result<int> adoptUnrecorded();

private:
    Result<int> withdrawUnreferenced(const QList<QByteArray> &candidates, qint64 claimedBeforeMs);

    blobs::SharedBlobs &m_shared;
    storage::PublishedBlobStore &m_published;
    storage::VersionStore &m_versions;
    storage::UploadSessionStore &m_sessions;
    const QString m_dataRoot;
    const Clock &m_clock;
    const qint64 m_graceMs;
};

} // namespace ddd::core::deploy
