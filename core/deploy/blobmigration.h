// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QList>

#include <functional>

namespace ddd::core::blobs {
class BlobStore;
class ObjectStore;
} // namespace ddd::core::blobs

namespace ddd::core::storage {
class VersionStore;
}

namespace ddd::core::deploy {

class BlobPublisher;

// `ddd-agent migrate` with blobs.s3.*: puts every blob a version or a stored
// build source references into the shared bucket, so agents that only have
// the bucket can serve every version, old ones included. Each upload is
// recorded (published_blobs) once the bucket confirmed it, so a run that was
// cut off resumes with what is still missing; every upload is checked by the
// bucket against the blob's SHA-256. verify() then asks the bucket for every
// blob's size.
//
// Error codes: the publisher's (objects.*, blob.not_found for a blob this
// store lacks), migrate.blob_mismatch (the bucket lacks a blob or holds
// another size), storage.*.
class BlobMigration final
{
public:
    struct Progress
    {
        qsizetype done = 0;
        qsizetype total = 0;
        int uploaded = 0; // the rest were in the bucket already
    };
    using Report = std::function<void(const Progress &)>;

    BlobMigration(storage::VersionStore &versions, BlobPublisher &publisher, const blobs::BlobStore &local,
                  blobs::ObjectStore &bucket);

    // Reports after every batch.
    Result<Progress> publish(const Report &report);
    // Answers how many blobs were checked.
    Result<qsizetype> verify();

private:
    static constexpr qsizetype BatchSize = 512;
    static constexpr int ParallelChecks = 8;

    Result<QList<QByteArray>> referenced();
    Status check(const QByteArray &sha256);

    storage::VersionStore &m_versions;
    BlobPublisher &m_publisher;
    const blobs::BlobStore &m_local;
    blobs::ObjectStore &m_bucket;
};

} // namespace ddd::core::deploy
