// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/deploy/deployoptions.h"
#include "core/model/blobprogress.h"
#include "core/model/identity.h"
#include "core/model/page.h"
#include "core/model/pagerequest.h"
#include "core/model/project.h"
#include "core/model/uploadplan.h"
#include "core/model/version.h"
#include "core/upload/upload.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include "core/blobs/manifest.h"

#include <memory>
#include <utility>
#include <optional>

namespace ddd::core {
class Clock;
}

namespace ddd::core::blobs {
class BlobStore;
class Manifest;
class SharedBlobs;
} // namespace ddd::core::blobs

namespace ddd::core::upload {
class ArchiveSpool;
}

namespace ddd::core::storage {
class BlobVariantStore;
class ConnectionProvider;
class LivePointerStore;
class ProjectStore;
class PublishedBlobStore;
class UploadSessionStore;
class VersionIndexRows;
class VersionStore;
} // namespace ddd::core::storage

namespace ddd::core::deploy {

class Activation;
class ActivityLog;
class ArchiveUploads;
class BlobGuard;
class BucketSweeper;
class BlobPublisher;
class GarbageCollector;
class IncrementalUploads;
class LiveSites;
class Precompressor;
class PreviewSites;
class ProjectService;
class Reconciler;
class Retention;
class VariantWorker;
class VersionIndexes;
class VersionRecorder;

// What the product does with sites: versions arrive as archives or by the
// incremental protocol, become immutable manifests in SQLite, go live and
// roll back by a pointer switch, and are pruned with their blobs
// (security guide 8, design guide 4.6).
//
// Every call takes the caller. Capabilities: deploying, pinning and deleting
// need "deploy", activation and rollback "activate", reads "read"
// (`auth.forbidden`). Projects the caller cannot see answer
// `project.not_found`, their versions `deploy.not_found`, other people's or
// expired upload sessions `upload.not_found`. Refusals leave no version, no
// staging and an untouched live site. Thread-safe.
//
// Durability: blobs are synced into the store before the version row that
// names them commits, and the row with all its files and status ready is one
// transaction; activation commits before the in-memory switch. After a crash
// at any point reconcile() restores a consistent state (see CrashPoint).
class DeploymentService final
{
public:
    DeploymentService(storage::ConnectionProvider &connections, ProjectService &projects, blobs::BlobStore &store,
                      LiveSites &liveSites, const Clock &clock, DeployOptions options);
    ~DeploymentService();
    DeploymentService(const DeploymentService &) = delete;
    DeploymentService &operator=(const DeploymentService &) = delete;

    // Archive deploys. Opening refuses all that can be refused before the
    // body is read: the "deploy" capability ("activate" too when
    // `activate`), the project (`project.not_found`), and a `declaredBytes`
    // the staging file system cannot hold (`storage.disk_full`). The body is
    // spooled into its own staging area (removed whatever happens);
    // complete() ingests it: `archive.*` refusals from Ingest,
    // `archive.too_large` past maxUploadBytes, `rules.*`; then the version,
    // live when asked.
    Result<std::unique_ptr<upload::Upload<model::Version>>> openArchive(const model::Identity &caller,
                                                                         qint64 projectId, bool activate,
                                                                         std::optional<qint64> declaredBytes = {});

    // Incremental protocol. The manifest is {"files": [{path, sha256, size}]}
    // under the archive rules (`manifest.invalid`, `archive.*`); the plan lists
    // the hashes neither the store nor a finished partial upload holds, and
    // the diff against the live version.
    // `source` starts a build source upload instead (capability "build" too);
    // SourceService finishes it.
    Result<model::UploadPlan> startUpload(const model::Identity &caller, qint64 projectId,
                                          const QByteArray &manifestJson, bool source = false);
    Result<bool> isSourceUpload(const model::Identity &caller, const QString &uploadId);
    Result<model::BlobProgress> blobStatus(const model::Identity &caller, const QString &uploadId,
                                           const QString &sha256);
    // `offset` must equal the bytes received so far (`upload.offset_mismatch`,
    // details.received); `blob.not_in_manifest` for hashes the manifest does
    // not name; `upload.blob_busy` while another request writes the same blob.
    // The upload's complete() answers how far the blob got; abort() keeps the
    // bytes that arrived for the retry.
    Result<std::unique_ptr<upload::Upload<model::BlobProgress>>>
    openBlobUpload(const model::Identity &caller, const QString &uploadId, const QString &sha256, qint64 offset);
    // `upload.incomplete` with details.missing while blobs are absent; the
    // session stays open for them.
    Result<model::Version> finalizeUpload(const model::Identity &caller, const QString &uploadId, bool activate);

    // Versions.
    Result<QList<model::Version>> list(const model::Identity &caller, qint64 projectId); // newest first
    Result<model::Version> get(const model::Identity &caller, qint64 versionId, bool withFiles);
    // Paged listings: a project's versions newest first, a version's files
    // by path (after `request.after`, under `request.prefix`).
    Result<model::Page<model::Version>> listPage(const model::Identity &caller, qint64 projectId,
                                                 const model::PageRequest &request);
    Result<model::Page<model::VersionFile>> filesPage(const model::Identity &caller, qint64 versionId,
                                                      const model::PageRequest &request);
    // `deploy.not_activatable` unless ready or retired; activating the live
    // version again changes nothing and succeeds.
    Result<model::Version> activate(const model::Identity &caller, qint64 versionId);
    // To `versionId`, or to the version live before the current one
    // (`deploy.no_rollback_target` when there is none).
    Result<model::Version> rollback(const model::Identity &caller, qint64 projectId,
                                    std::optional<qint64> versionId);
    Result<model::Version> setPinned(const model::Identity &caller, qint64 versionId, bool pinned);
    // `deploy.is_live` for the live version; frees the blobs only it used.
    Status remove(const model::Identity &caller, qint64 versionId);

    // Archive uploads in pieces; a whole one goes through openArchive() (or
    // a source upload) like a one-shot archive. Swept with the garbage.
    ArchiveUploads &archiveUploads() { return *m_archiveUploads; }

    // Builds (SourceService, BuildRunner). The caller holds
    // blobGuard().protectNewBlobs() from completeSourceUpload() until the
    // source row naming the blobs exists.
    // Answers the session's project and manifest.
    Result<std::pair<qint64, blobs::Manifest>> completeSourceUpload(const model::Identity &caller,
                                                                    const QString &uploadId);
    BlobGuard &blobGuard() { return *m_guard; }
    const DeployOptions &options() const { return m_options; }
    // A built site into a version of `projectId` (source "build"), under the
    // upload rules, activated when asked; the caller checked the capability.
    Result<model::Version> recordBuild(qint64 projectId, std::optional<qint64> authorId, const QString &siteDirectory,
                                       bool activate);

    // From now on every deploy, refusal, activation, rollback, pin and
    // deletion is recorded in `log` (the agent wires it at start-up).
    void recordActivityIn(ActivityLog &log) { m_activity = &log; }
    // From now on every new version's blobs are put into `shared` object
    // storage before the version is recorded; a deploy the bucket cannot
    // take is refused (objects.*) and records nothing; variants are
    // published too, and the indexes list only published ones
    // (VersionIndexes::shareWithOtherAgents). Wired at start-up, before any
    // deploy.
    void publishBlobsTo(blobs::SharedBlobs &shared);
    // A source's blobs, before it is recorded, so an agent with the build
    // role elsewhere finds them; nothing without publishBlobsTo().
    Status publishSource(const blobs::Manifest &manifest);
    // The agent that writes: what garbage collection gives up here is
    // offered to `sweeper`, which deletes it from the bucket in time.
    void collectBucketThrough(BucketSweeper &sweeper);

    // Maintenance.
    // At start-up, before serving: see Reconciler.
    Status reconcile();
    // The same for an agent that only serves what another agent records
    // (Reconciler::runAsFollower).
    Status reconcileAsFollower();
    Status collectGarbage();
    // For ProjectService::addRemovalHook: the site goes offline, its blobs
    // are collected.
    void removeProjectFiles(qint64 projectId);
    // After a project's domain or settings changed: serve its live version
    // under the new ones.
    Status refreshSite(qint64 projectId);
    // Blocks until the precompressed variants of everything deployed so far
    // are made and published (tests, benchmarks).
    void waitForVariants();
    // Every retained version on its own preview host (site listener).
    PreviewSites &previews() { return *m_previews; }

private:
    Result<model::Project> projectFor(const model::Identity &caller, qint64 projectId, const QString &capability);
    Result<model::Version> versionFor(const model::Identity &caller, qint64 versionId, const QString &capability);
    Result<model::Version> deploySpool(const model::Identity &caller, qint64 projectId,
                                       const upload::ArchiveSpool &spool, bool activate);
    Result<model::Version> afterCreation(const model::Version &created, bool activate);
    Result<model::Version> switchTo(qint64 projectId, qint64 versionId);
    Result<model::Version> reload(qint64 versionId);
    void variantsMade(qint64 projectId);
    Status queueUndecidedBlobs();
    // Records what a deploy (`created`, then `done` after activation) or a
    // change of one version came to, when an activity log is wired.
    void noteDeploy(const model::Identity &caller, qint64 projectId, const Result<model::Version> &created,
                    const Result<model::Version> &done, bool activate);
    void noteVersion(const model::Identity &caller, const QString &kind, qint64 projectId,
                     const Result<model::Version> &outcome, std::optional<qint64> number);

    ProjectService &m_projects;
    ActivityLog *m_activity = nullptr;
    blobs::BlobStore &m_store;
    const Clock &m_clock;
    const DeployOptions m_options;
    std::unique_ptr<storage::ProjectStore> m_projectStore;
    std::unique_ptr<storage::VersionStore> m_versions;
    std::unique_ptr<storage::LivePointerStore> m_pointers;
    std::unique_ptr<storage::UploadSessionStore> m_sessions;
    std::unique_ptr<storage::BlobVariantStore> m_variants;
    std::unique_ptr<storage::VersionIndexRows> m_indexRows;
    std::unique_ptr<VersionIndexes> m_indexes;
    std::unique_ptr<BlobGuard> m_guard;
    std::unique_ptr<Activation> m_activation;
    std::unique_ptr<GarbageCollector> m_collector;
    std::unique_ptr<Retention> m_retention;
    std::unique_ptr<Precompressor> m_precompressor;
    std::unique_ptr<VariantWorker> m_variantWorker;
    std::unique_ptr<storage::PublishedBlobStore> m_publishedBlobs;
    std::unique_ptr<BlobPublisher> m_publisher; // null unless publishBlobsTo()
    std::unique_ptr<VersionRecorder> m_recorder;
    std::unique_ptr<IncrementalUploads> m_uploads;
    std::unique_ptr<Reconciler> m_reconciler;
    std::unique_ptr<PreviewSites> m_previews;
    std::unique_ptr<ArchiveUploads> m_archiveUploads;
};

} // namespace ddd::core::deploy
