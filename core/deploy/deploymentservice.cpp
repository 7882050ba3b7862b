// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/deploymentservice.h"

#include "core/blobs/blobstore.h"
#include "core/deploy/activation.h"
#include "core/deploy/activitylog.h"
#include "core/deploy/archiveuploads.h"
#include "core/deploy/blobguard.h"
#include "core/deploy/blobpublisher.h"
#include "core/deploy/compressiblepaths.h"
#include "core/deploy/garbagecollector.h"
#include "core/deploy/incrementaluploads.h"
#include "core/deploy/ingest.h"
#include "core/deploy/livesites.h"
#include "core/deploy/precompressor.h"
#include "core/deploy/previewsites.h"
#include "core/deploy/projectservice.h"
#include "core/deploy/reconciler.h"
#include "core/deploy/retention.h"
#include "core/deploy/variantworker.h"
#include "core/deploy/versionindexes.h"
#include "core/deploy/versionrecorder.h"
#include "core/storage/blobvariantstore.h"
#include "core/storage/livepointerstore.h"
#include "core/storage/projectstore.h"
#include "core/storage/publishedblobstore.h"
#include "core/storage/uploadsessionstore.h"
#include "core/storage/versionindexrows.h"
#include "core/storage/versionstore.h"
#include "core/upload/archivespool.h"
#include "core/upload/spooledupload.h"
#include "core/util/crashpoint.h"

#include <QDir>
#include <QLoggingCategory>

namespace ddd::core::deploy {

namespace {

Q_LOGGING_CATEGORY(lcDeploy, "ddd.core.deploy")

using model::Identity;
using model::Version;

const QString Deploy = u"deploy"_qs;
const QString Activate = u"activate"_qs;
const QString Read = u"read"_qs;
const QString Build = u"build"_qs;

Error forbidden(const QString &capability)
{
    return Error::make(u"auth.forbidden"_qs, u"This token lacks the \""_qs + capability + u"\" capability"_qs,
                       QJsonObject{{u"capability"_qs, capability}});
}

Error versionNotFound()
{
    return Error::make(u"deploy.not_found"_qs, u"Version not found"_qs);
}

} // namespace

DeploymentService::DeploymentService(storage::ConnectionProvider &connections, ProjectService &projects,
                                     blobs::BlobStore &store, LiveSites &liveSites, const Clock &clock,
                                     DeployOptions options)
    : m_projects(projects), m_store(store), m_clock(clock), m_options(std::move(options)),
      m_projectStore(std::make_unique<storage::ProjectStore>(connections)),
      m_versions(std::make_unique<storage::VersionStore>(connections)),
      m_pointers(std::make_unique<storage::LivePointerStore>(connections)),
      m_sessions(std::make_unique<storage::UploadSessionStore>(connections)),
      m_variants(std::make_unique<storage::BlobVariantStore>(connections)),
      m_indexRows(std::make_unique<storage::VersionIndexRows>(connections)),
      m_indexes(std::make_unique<VersionIndexes>(QDir::cleanPath(store.stagingRoot() + u"/../indexes"_qs), *m_indexRows)),
      m_guard(std::make_unique<BlobGuard>()),
      m_activation(std::make_unique<Activation>(*m_pointers, *m_versions, *m_projectStore, liveSites, clock, store,
                                                *m_indexes)),
      m_collector(std::make_unique<GarbageCollector>(*m_versions, *m_sessions, *m_variants, store, *m_guard, clock)),
      m_retention(std::make_unique<Retention>(*m_versions, *m_collector, *m_indexes, m_options.retainVersions)),
      m_precompressor(std::make_unique<Precompressor>(*m_variants, store)),
      m_variantWorker(std::make_unique<VariantWorker>(*m_precompressor, *m_guard,
                                                      [this](qint64 projectId) { variantsMade(projectId); })),
      m_publishedBlobs(std::make_unique<storage::PublishedBlobStore>(connections)),
      m_recorder(std::make_unique<VersionRecorder>(*m_versions, *m_pointers, clock, *m_variantWorker)),
      m_uploads(std::make_unique<IncrementalUploads>(*m_sessions, *m_versions, *m_recorder, store, *m_guard, clock, m_options)),
      m_reconciler(
          std::make_unique<Reconciler>(*m_versions, *m_sessions, *m_variants, store, *m_collector, *m_activation,
                                       *m_indexes, clock)),
      m_previews(std::make_unique<PreviewSites>(
          *m_projectStore, *m_versions,
          [this](qint64 projectId, qint64 versionId) { return m_activation->buildSite(projectId, versionId); },
          liveSites.baseDomain())),
      m_archiveUploads(std::make_unique<ArchiveUploads>(connections, projects, store, clock, m_options))
{
    // Errors show when the first index is written; start-up checks again.
    (void)m_indexes->initialise();
}

void DeploymentService::publishBlobsTo(blobs::SharedBlobs &shared)
{
    m_publisher = std::make_unique<BlobPublisher>(shared, *m_publishedBlobs, m_clock);
    // Other agents may record versions too, and make variants this one lacks.
    m_indexes->shareWithOtherAgents();
    m_recorder->publishThrough(*m_publisher);
    m_precompressor->publishThrough(*m_publisher);
    m_reconciler->countPublishedAsHeld(*m_publisher);
    m_uploads->countPublishedAsHeld(*m_publisher);
}

Status DeploymentService::publishSource(const blobs::Manifest &manifest)
{
    if (!m_publisher)
        return {};
    Result<int> published = m_publisher->publish(manifest);
    return published ? Status() : Status(published.error());
}

void DeploymentService::collectBucketThrough(BucketSweeper &sweeper)
{
    m_collector->offerTo(sweeper);
}

DeploymentService::~DeploymentService()
{
    // Its thread calls back into the parts declared after it.
    m_variantWorker->stop();
}

Result<std::unique_ptr<upload::Upload<Version>>> DeploymentService::openArchive(const Identity &caller,
                                                                                qint64 projectId, bool activate,
                                                                                std::optional<qint64> declaredBytes)
{
    if (Result<model::Project> project = projectFor(caller, projectId, Deploy); !project)
        return project.error();
    if (activate && !caller.can(Activate))
        return forbidden(Activate);
    Result<std::unique_ptr<upload::ArchiveSpool>> spool =
        upload::ArchiveSpool::create(m_store, m_options.maxUploadBytes, declaredBytes);
    if (!spool)
        return spool.error();
    return std::unique_ptr<upload::Upload<Version>>(std::make_unique<upload::SpooledUpload<Version>>(
        std::move(*spool), [this, caller, projectId, activate](const upload::ArchiveSpool &body) {
            return deploySpool(caller, projectId, body, activate);
        }));
}

Result<Version> DeploymentService::deploySpool(const Identity &caller, qint64 projectId,
                                               const upload::ArchiveSpool &spool, bool activate)
{
    CrashPoint::hit("deploy.spool_written");
    // The project may have gone while the body arrived.
    if (Result<model::Project> project = projectFor(caller, projectId, Deploy); !project)
        return project.error();
    Result<Version> created = [&]() -> Result<Version> {
        // From the first blob entering the store until the version naming it
        // is committed, the collector must wait.
        const auto protection = m_guard->protectNewBlobs();
        Result<blobs::Manifest> manifest =
            Ingest::fromArchive(spool.path(), m_options.limits, m_store, spool.stagingArea() + u"/ingest"_qs);
        if (!manifest)
            return manifest.error();
        return m_recorder->record(projectId, caller.userId, *manifest, model::VersionSource::Archive);
    }();
    const Result<Version> done = created ? afterCreation(*created, activate) : created;
    noteDeploy(caller, projectId, created, done, activate);
    return done;
}

Result<model::UploadPlan> DeploymentService::startUpload(const Identity &caller, qint64 projectId,
                                                         const QByteArray &manifestJson, bool source)
{
    if (Result<model::Project> project = projectFor(caller, projectId, Deploy); !project)
        return project.error();
    if (source && !caller.can(Build))
        return forbidden(Build);
    Result<model::UploadPlan> plan = m_uploads->start(projectId, caller.userId, manifestJson, source);
    if (!plan && !source)
        noteDeploy(caller, projectId, plan.error(), plan.error(), false);
    return plan;
}

Result<bool> DeploymentService::isSourceUpload(const Identity &caller, const QString &uploadId)
{
    if (!caller.can(Deploy))
        return forbidden(Deploy);
    return m_uploads->isSource(caller, uploadId);
}

Result<std::pair<qint64, blobs::Manifest>> DeploymentService::completeSourceUpload(const Identity &caller,
                                                                                   const QString &uploadId)
{
    if (!caller.can(Deploy))
        return forbidden(Deploy);
    if (!caller.can(Build))
        return forbidden(Build);
    Result<qint64> projectId = m_uploads->projectOf(caller, uploadId);
    if (!projectId)
        return projectId.error();
    if (Result<model::Project> project = m_projects.findVisible(caller, *projectId); !project)
        return Error::make(u"upload.not_found"_qs, u"Upload session not found or expired"_qs);
    Result<blobs::Manifest> manifest = m_uploads->completeSource(caller, uploadId);
    if (!manifest)
        return manifest.error();
    return std::pair<qint64, blobs::Manifest>(*projectId, std::move(*manifest));
}

Result<Version> DeploymentService::recordBuild(qint64 projectId, std::optional<qint64> authorId,
                                               const QString &siteDirectory, bool activate)
{
    Result<QString> staging = m_store.createStagingArea();
    if (!staging)
        return staging.error();
    Result<Version> created = [&]() -> Result<Version> {
        const auto protection = m_guard->protectNewBlobs();
        Result<blobs::Manifest> manifest =
            Ingest::fromDirectory(siteDirectory, m_options.limits, m_store, *staging + u"/ingest"_qs);
        if (!manifest)
            return manifest.error();
        return m_recorder->record(projectId, authorId, *manifest, model::VersionSource::Build);
    }();
    (void)m_store.removeStagingArea(*staging);
    const Result<Version> done = created ? afterCreation(*created, activate) : created;
    if (m_activity)
        for (const ActivityLog::Event &event : ActivityLog::deployEvents(created, done, activate))
            m_activity->recordBuild(projectId, authorId, event);
    return done;
}

Result<model::BlobProgress> DeploymentService::blobStatus(const Identity &caller, const QString &uploadId,
                                                          const QString &sha256)
{
    if (!caller.can(Deploy))
        return forbidden(Deploy);
    return m_uploads->progress(caller, uploadId, sha256);
}

Result<std::unique_ptr<upload::Upload<model::BlobProgress>>>
DeploymentService::openBlobUpload(const Identity &caller, const QString &uploadId, const QString &sha256, qint64 offset)
{
    if (!caller.can(Deploy))
        return forbidden(Deploy);
    return m_uploads->open(caller, uploadId, sha256, offset);
}

Result<Version> DeploymentService::finalizeUpload(const Identity &caller, const QString &uploadId, bool activate)
{
    if (!caller.can(Deploy))
        return forbidden(Deploy);
    if (activate && !caller.can(Activate))
        return forbidden(Activate);
    Result<qint64> projectId = m_uploads->projectOf(caller, uploadId);
    if (!projectId)
        return projectId.error();
    // The session's project must still be one the caller can see.
    if (Result<model::Project> project = m_projects.findVisible(caller, *projectId); !project)
        return Error::make(u"upload.not_found"_qs, u"Upload session not found or expired"_qs);
    Result<Version> created = m_uploads->finalize(caller, uploadId);
    // Missing blobs are a step of the protocol, not a refusal: the client sends them next.
    if (!created && created.error().code == u"upload.incomplete")
        return created;
    const Result<Version> done = created ? afterCreation(*created, activate) : created;
    noteDeploy(caller, *projectId, created, done, activate);
    return done;
}

Result<QList<Version>> DeploymentService::list(const Identity &caller, qint64 projectId)
{
    if (Result<model::Project> project = projectFor(caller, projectId, Read); !project)
        return project.error();
    return m_versions->listByProject(projectId);
}

Result<Version> DeploymentService::get(const Identity &caller, qint64 versionId, bool withFiles)
{
    Result<Version> version = versionFor(caller, versionId, Read);
    if (!version || !withFiles)
        return version;
    Result<QList<model::VersionFile>> files = m_versions->files(versionId);
    if (!files)
        return files.error();
    version->files = std::move(*files);
    return version;
}

Result<model::Page<Version>> DeploymentService::listPage(const Identity &caller, qint64 projectId,
                                                        const model::PageRequest &request)
{
    if (Result<model::Project> project = projectFor(caller, projectId, Read); !project)
        return project.error();
    return m_versions->pageByProject(projectId, request);
}

Result<model::Page<model::VersionFile>> DeploymentService::filesPage(const Identity &caller, qint64 versionId,
                                                                     const model::PageRequest &request)
{
    // Visibility as versionFor() decides it, without loading the version.
    if (!caller.can(Read))
        return forbidden(Read);
    Result<std::optional<qint64>> projectId = m_versions->projectOf(versionId);
    if (!projectId)
        return projectId.error();
    if (!projectId->has_value())
        return versionNotFound();
    if (Result<model::Project> project = m_projects.findVisible(caller, **projectId); !project)
        return project.error().code == u"project.not_found" ? versionNotFound() : project.error();
    return m_versions->filesPage(versionId, request);
}

Result<Version> DeploymentService::activate(const Identity &caller, qint64 versionId)
{
    Result<Version> version = versionFor(caller, versionId, Activate);
    if (!version || version->status == model::VersionStatus::Live)
        return version;
    Result<Version> switched = switchTo(version->projectId, versionId);
    noteVersion(caller, u"version.activated"_qs, version->projectId, switched, version->number);
    return switched;
}

Result<Version> DeploymentService::rollback(const Identity &caller, qint64 projectId, std::optional<qint64> versionId)
{
    if (Result<model::Project> project = projectFor(caller, projectId, Activate); !project)
        return project.error();
    if (!versionId) {
        Result<std::optional<qint64>> previous = m_pointers->previousLiveVersionId(projectId);
        if (!previous)
            return previous.error();
        if (!previous->has_value()) {
            const Error none = Error::make(u"deploy.no_rollback_target"_qs, u"No earlier live version to roll back to"_qs);
            noteVersion(caller, u"version.rolled_back"_qs, projectId, none, std::nullopt);
            return none;
        }
        versionId = **previous;
    }
    Result<Version> switched = switchTo(projectId, *versionId);
    noteVersion(caller, u"version.rolled_back"_qs, projectId, switched, std::nullopt);
    return switched;
}

Result<Version> DeploymentService::setPinned(const Identity &caller, qint64 versionId, bool pinned)
{
    Result<Version> version = versionFor(caller, versionId, Deploy);
    if (!version)
        return version;
    if (Status stored = m_versions->setPinned(versionId, pinned); !stored)
        return stored.error();
    if (version->pinned != pinned)
        noteVersion(caller, pinned ? u"version.pinned"_qs : u"version.unpinned"_qs, version->projectId, version,
                    version->number);
    return reload(versionId);
}

Status DeploymentService::remove(const Identity &caller, qint64 versionId)
{
    Result<Version> version = versionFor(caller, versionId, Deploy);
    if (!version)
        return version.error();
    Status removed = m_retention->remove(versionId);
    noteVersion(caller, u"version.deleted"_qs, version->projectId, removed ? version : Result<Version>(removed.error()),
                version->number);
    return removed;
}

Status DeploymentService::reconcile()
{
    if (Status reconciled = m_reconciler->run(); !reconciled)
        return reconciled;
    if (Status swept = m_archiveUploads->sweep(); !swept)
        return swept;
    return queueUndecidedBlobs();
}

Status DeploymentService::reconcileAsFollower()
{
    return m_reconciler->runAsFollower();
}

// Blobs whose variants were still queued when the agent stopped.
Status DeploymentService::queueUndecidedBlobs()
{
    Result<QList<storage::BlobVariantStore::Undecided>> undecided = m_variants->undecided();
    if (!undecided)
        return undecided.error();
    QMap<qint64, QList<blobs::ManifestEntry>> byProject;
    // Files that are never compressed (images, _headers) never get a
    // decision; queued at every start they would only be skipped again.
    for (const storage::BlobVariantStore::Undecided &blob : *undecided)
        if (CompressiblePaths::isCompressible(blob.path))
            byProject[blob.projectId].append({blob.path, blob.sha256, blob.size});
    for (auto it = byProject.cbegin(); it != byProject.cend(); ++it)
        m_variantWorker->enqueue(it.key(), it.value());
    return {};
}

// The project's new versions get their index again, now with the variant
// sizes (O(files), on the variant worker's thread); serving them is then
// the same constant-time republish as any other.
void DeploymentService::variantsMade(qint64 projectId)
{
    Result<bool> rewritten = m_indexes->completeVariants(projectId);
    if (!rewritten)
        qCWarning(lcDeploy) << "Project" << projectId << "indexes not updated with their variants:"
                            << rewritten.error().message;
    else if (!*rewritten)
        return;
    if (Status republished = m_activation->republish(projectId); !republished)
        qCWarning(lcDeploy) << "Project" << projectId << "not republished with its variants:"
                            << republished.error().message;
    m_previews->forget(projectId);
    // The variants are in the bucket: agents following this one pick them up.
    if (m_publisher)
        if (Status touched = m_pointers->touchSite(projectId); !touched)
            qCWarning(lcDeploy) << "Project" << projectId << "variants not announced to other agents:"
                                << touched.error().message;
}

void DeploymentService::waitForVariants()
{
    m_variantWorker->waitUntilIdle();
}

Status DeploymentService::collectGarbage()
{
    if (Status swept = m_archiveUploads->sweep(); !swept)
        qCWarning(lcDeploy) << "Archive uploads not swept:" << swept.error().message;
    return m_collector->collectAll();
}

void DeploymentService::removeProjectFiles(qint64 projectId)
{
    m_activation->withdraw(projectId);
    // Its versions went by cascade: blobs they shared may now be another
    // project's alone.
    if (Status forgotten = m_versions->forgetUniqueBytes(); !forgotten)
        qCWarning(lcDeploy) << "Unique sizes not reset after deleting project" << projectId << ":"
                            << forgotten.error().message;
    if (Status collected = m_collector->collectAll(); !collected)
        qCWarning(lcDeploy) << "Garbage collection after deleting project" << projectId
                            << "failed:" << collected.error().message;
    if (Result<int> removed = m_indexes->removeOrphans(); !removed)
        qCWarning(lcDeploy) << "Version indexes of deleted project" << projectId
                            << "not removed:" << removed.error().message;
}

// On an agent following another, the change may be new variants in the
// bucket: indexes written before them are written again first.
Status DeploymentService::refreshSite(qint64 projectId)
{
    if (m_indexes->sharedWithOtherAgents())
        if (Result<bool> completed = m_indexes->completeVariants(projectId); !completed)
            qCWarning(lcDeploy) << "Project" << projectId << "indexes not updated with new variants:"
                                << completed.error().message;
    return m_activation->republish(projectId);
}

Result<model::Project> DeploymentService::projectFor(const Identity &caller, qint64 projectId,
                                                     const QString &capability)
{
    if (!caller.can(capability))
        return forbidden(capability);
    return m_projects.findVisible(caller, projectId);
}

Result<Version> DeploymentService::versionFor(const Identity &caller, qint64 versionId, const QString &capability)
{
    if (!caller.can(capability))
        return forbidden(capability);
    Result<std::optional<Version>> version = m_versions->find(versionId);
    if (!version)
        return version.error();
    if (!version->has_value())
        return versionNotFound();
    Result<model::Project> project = m_projects.findVisible(caller, (*version)->projectId);
    if (!project)
        return project.error().code == u"project.not_found" ? Result<Version>(versionNotFound()) : project.error();
    return **version;
}

// The deploy has succeeded once its version is recorded: a failing retention
// is logged, not reported, while a failing activation is the caller's answer.
Result<Version> DeploymentService::afterCreation(const Version &created, bool activate)
{
    // Once, while the deploy is O(files) anyway, so activation never is. A
    // failure here costs only time: activation writes a missing index itself.
    if (Status indexed = m_indexes->write(created.id); !indexed)
        qCWarning(lcDeploy) << "Version" << created.id << "index not written:" << indexed.error().message;
    if (activate)
        if (Status switched = m_activation->activate(created.projectId, created.id); !switched)
            return switched.error();
    if (Status pruned = m_retention->apply(created.projectId); !pruned)
        qCWarning(lcDeploy) << "Retention for project" << created.projectId << "failed:" << pruned.error().message;
    return reload(created.id);
}

Result<Version> DeploymentService::switchTo(qint64 projectId, qint64 versionId)
{
    if (Status switched = m_activation->activate(projectId, versionId); !switched)
        return switched.error();
    return reload(versionId);
}

void DeploymentService::noteDeploy(const Identity &caller, qint64 projectId, const Result<Version> &created,
                                   const Result<Version> &done, bool activate)
{
    if (m_activity)
        for (const ActivityLog::Event &event : ActivityLog::deployEvents(created, done, activate))
            m_activity->record(caller, projectId, event);
}

void DeploymentService::noteVersion(const Identity &caller, const QString &kind, qint64 projectId,
                                    const Result<Version> &outcome, std::optional<qint64> number)
{
    if (m_activity)
        m_activity->record(caller, projectId, ActivityLog::versionEvent(kind, outcome, number));
}

Result<Version> DeploymentService::reload(qint64 versionId)
{
    Result<std::optional<Version>> version = m_versions->find(versionId);
    if (!version)
        return version.error();
    return version->has_value() ? Result<Version>(**version) : Result<Version>(versionNotFound());
}

} // namespace ddd::core::deploy
