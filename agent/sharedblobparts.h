// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QString>

#include <memory>

namespace ddd::core {
class Clock;
}

namespace ddd::core::blobs {
class BlobStore;
class BlobUsage;
class SharedBlobs;
} // namespace ddd::core::blobs

namespace ddd::core::deploy {
class BlobCacheKeeper;
class BlobCacheTrimmer;
class BucketCollector;
class BucketSweeper;
class DeploymentService;
class SharedVariants;
} // namespace ddd::core::deploy

namespace ddd::core::storage {
class BlobVariantStore;
class ConnectionProvider;
class PublishedBlobStore;
class UploadSessionStore;
class VersionStore;
} // namespace ddd::core::storage

namespace ddd::agent {

struct AgentConfig;

namespace http {
class S3ObjectStore;
}

// blobs.s3.*: what an agent needs to share its blobs through a bucket.
// Versions are published there before they are recorded and serving
// fetches what this machine lacks; with blobs.cache_max_bytes the local
// store is a size-capped cache of the bucket; on the agent that writes,
// garbage collection in the bucket. It must go before the database, the
// blob store and the deployment service it was given.
class SharedBlobParts final
{
public:
    // Null when blobs.s3.* is off.
    static core::Result<std::unique_ptr<SharedBlobParts>> open(const AgentConfig &config, core::blobs::BlobStore &blobs,
                                                               core::storage::ConnectionProvider &database,
                                                               core::deploy::DeploymentService &deploys,
                                                               const core::Clock &clock);
    ~SharedBlobParts();
    SharedBlobParts(const SharedBlobParts &) = delete;
    SharedBlobParts &operator=(const SharedBlobParts &) = delete;

    // The writer alone deletes from the bucket (followers only read it).
    void collectGarbageThrough(core::deploy::DeploymentService &deploys);
    // After start-up repair: the cache's first scan.
    void measureCache();
    void start();
    void stop();
    // Tests: a garbage collection round in the bucket now (the writer), and
    // a round of the local cache (capped, or following another agent).
    void sweepNow();

    core::blobs::SharedBlobs &shared() { return *m_shared; }
    core::deploy::SharedVariants &variants() { return *m_variants; }
    core::blobs::BlobUsage *usage() { return m_usage.get(); } // null without a cache

private:
    SharedBlobParts(const AgentConfig &config, core::blobs::BlobStore &blobs,
                    core::storage::ConnectionProvider &database, const core::Clock &clock);
    void openCache(qint64 maxBytes, bool follower);

    core::blobs::BlobStore &m_blobs;
    core::storage::ConnectionProvider &m_database;
    const core::Clock &m_clock;
    const QString m_dataDir;
    std::unique_ptr<http::S3ObjectStore> m_bucket;
    std::unique_ptr<core::blobs::SharedBlobs> m_shared;
    std::unique_ptr<core::storage::BlobVariantStore> m_variantRows;
    std::unique_ptr<core::deploy::SharedVariants> m_variants;
    std::unique_ptr<core::storage::PublishedBlobStore> m_published;
    std::unique_ptr<core::storage::VersionStore> m_versions;
    // blobs.cache_max_bytes
    std::unique_ptr<core::blobs::BlobUsage> m_usage;
    std::unique_ptr<core::deploy::BlobCacheTrimmer> m_trimmer;
    std::unique_ptr<core::deploy::BlobCacheKeeper> m_keeper;
    // The writer's garbage collection in the bucket.
    std::unique_ptr<core::storage::UploadSessionStore> m_sessions;
    std::unique_ptr<core::deploy::BucketCollector> m_collector;
    std::unique_ptr<core::deploy::BucketSweeper> m_sweeper;
};

} // namespace ddd::agent
