// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/sharedblobparts.h"

#include "agent/agentconfig.h"
#include "agent/http/s3objectstore.h"
#include "core/blobs/blobstore.h"
#include "core/blobs/blobusage.h"
#include "core/blobs/sharedblobs.h"
#include "core/deploy/archiveuploads.h"
#include "core/deploy/blobcachekeeper.h"
#include "core/deploy/blobcachetrimmer.h"
#include "core/deploy/bucketcollector.h"
#include "core/deploy/bucketsweeper.h"
#include "core/deploy/deploymentservice.h"
#include "core/deploy/sharedvariants.h"
#include "core/rules/siterules.h"
#include "core/storage/blobvariantstore.h"
#include "core/storage/connectionprovider.h"
#include "core/storage/publishedblobstore.h"
#include "core/storage/uploadsessionstore.h"
#include "core/storage/versionstore.h"

#include <QLoggingCategory>

namespace ddd::agent {

namespace {

Q_LOGGING_CATEGORY(lcSharedBlobs, "ddd.agent")

} // namespace

SharedBlobParts::SharedBlobParts(const AgentConfig &config, core::blobs::BlobStore &blobs,
                                 core::storage::ConnectionProvider &database, const core::Clock &clock)
    : m_blobs(blobs), m_database(database), m_clock(clock), m_dataDir(config.dataDir),
      m_published(std::make_unique<core::storage::PublishedBlobStore>(database)),
      m_versions(std::make_unique<core::storage::VersionStore>(database))
{
}

SharedBlobParts::~SharedBlobParts()
{
    stop();
}

core::Result<std::unique_ptr<SharedBlobParts>> SharedBlobParts::open(const AgentConfig &config,
                                                                     core::blobs::BlobStore &blobs,
                                                                     core::storage::ConnectionProvider &database,
                                                                     core::deploy::DeploymentService &deploys,
                                                                     const core::Clock &clock)
{
    if (!config.s3.enabled())
        return std::unique_ptr<SharedBlobParts>();
    core::Result<http::S3Endpoint> endpoint = config.s3.toEndpoint();
    if (!endpoint)
        return endpoint.error();
    std::unique_ptr<SharedBlobParts> parts(new SharedBlobParts(config, blobs, database, clock));
    parts->m_bucket = std::make_unique<http::S3ObjectStore>(std::move(*endpoint));
    parts->m_shared = std::make_unique<core::blobs::SharedBlobs>(blobs, *parts->m_bucket);
    parts->m_variantRows = std::make_unique<core::storage::BlobVariantStore>(database);
    parts->m_variants = std::make_unique<core::deploy::SharedVariants>(*parts->m_variantRows, *parts->m_shared);
    deploys.publishBlobsTo(*parts->m_shared);
    deploys.archiveUploads().keepPiecesIn(*parts->m_bucket);
    core::blobs::BlobStore::CacheHooks hooks;
    hooks.fetchMissing = [shared = parts->m_shared.get()](const QByteArray &sha256) { return shared->ensureLocal(sha256); };
    const bool follower = config.roles().followsAnother();
    if (config.blobCacheMaxBytes > 0 || follower) {
        parts->openCache(config.blobCacheMaxBytes, follower);
        hooks.added = [keeper = parts->m_keeper.get()](qint64 bytes) { keeper->added(bytes); };
    }
    blobs.setCacheHooks(std::move(hooks));
    qCInfo(lcSharedBlobs).noquote() << "blobs are shared through" << parts->m_bucket->identity();
    return parts;
}

// The local store as a cache of the bucket, trimmed on its own thread from
// the end of start-up repair on: least recently read first when capped, and
// on an agent that follows another (whose blobs are all copies) every hour
// of the copies no version or source references any more.
void SharedBlobParts::openCache(qint64 maxBytes, bool follower)
{
    m_usage = std::make_unique<core::blobs::BlobUsage>(m_clock);
    core::deploy::BlobCacheTrimmer::Limits limits;
    limits.maxBytes = maxBytes;
    // Rules files stay: activation and start-up must not wait on the bucket for them.
    auto rulesFiles = [versions = m_versions.get()] {
        return versions->hashesAt({core::rules::SiteRules::RedirectsFile, core::rules::SiteRules::HeadersFile});
    };
    m_trimmer = std::make_unique<core::deploy::BlobCacheTrimmer>(m_blobs, *m_published, m_bucket->identity(), *m_usage,
                                                                 m_clock, limits, rulesFiles);
    std::chrono::milliseconds roundEvery{};
    if (follower) {
        m_trimmer->dropUnreferenced([versions = m_versions.get()] { return versions->referencedHashes(); });
        roundEvery = std::chrono::hours(1);
    }
    m_keeper = std::make_unique<core::deploy::BlobCacheKeeper>(*m_trimmer, [db = &m_database] { db->releaseCurrent(); },
                                                               std::chrono::seconds(10), roundEvery);
    if (maxBytes > 0)
        qCInfo(lcSharedBlobs).noquote() << "blob cache: at most" << maxBytes << "bytes of blobs kept here";
}

void SharedBlobParts::collectGarbageThrough(core::deploy::DeploymentService &deploys)
{
    m_sessions = std::make_unique<core::storage::UploadSessionStore>(m_database);
    m_collector = std::make_unique<core::deploy::BucketCollector>(*m_shared, *m_published, *m_versions, *m_sessions,
                                                                  m_dataDir, m_clock,
                                                                  core::deploy::BucketCollector::DefaultGraceMs);
    m_sweeper = std::make_unique<core::deploy::BucketSweeper>(
        *m_collector, [db = &m_database] { db->releaseCurrent(); }, core::deploy::BucketSweeper::Options());
    deploys.collectBucketThrough(*m_sweeper);
}

void SharedBlobParts::measureCache()
{
    if (m_keeper)
        m_keeper->measure();
}

void SharedBlobParts::start()
{
    if (m_sweeper)
        m_sweeper->start();
}

void SharedBlobParts::stop()
{
    if (m_sweeper)
        m_sweeper->stop();
    // A download a request began commits into the store, which tells the keeper.
    if (m_shared)
        m_shared->waitForDownloads();
}

void SharedBlobParts::sweepNow()
{
    if (m_sweeper)
        m_sweeper->sweepAllNow();
    if (m_keeper) {
        m_keeper->measure();
        m_keeper->waitUntilIdle();
    }
}

} // namespace ddd::agent
