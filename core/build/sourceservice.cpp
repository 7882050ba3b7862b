// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/sourceservice.h"

#include "core/blobs/blobstore.h"
#include "core/build/builddetector.h"
#include "core/deploy/blobguard.h"
#include "core/deploy/deploymentservice.h"
#include "core/deploy/ingest.h"
#include "core/deploy/projectservice.h"
#include "core/storage/projectstore.h"
#include "core/storage/sourcestore.h"
#include "core/upload/archivespool.h"
#include "core/upload/spooledupload.h"
#include "core/util/clock.h"
#include "core/util/diskfull.h"
#include "core/util/localfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSet>
#include <QTemporaryDir>

namespace ddd::core::build {

namespace {

Q_LOGGING_CATEGORY(lcSources, "ddd.core.build")

const QString BuildCapability = u"build"_qs;

Error forbidden()
{
    return Error::make(u"auth.forbidden"_qs, u"This token lacks the \"build\" capability"_qs,
                       QJsonObject{{u"capability"_qs, BuildCapability}});
}

Error sourceNotFound()
{
    return Error::make(u"source.not_found"_qs, u"Source not found"_qs);
}

} // namespace

SourceService::SourceService(storage::ConnectionProvider &connections, deploy::ProjectService &projects,
                             deploy::DeploymentService &deploys, blobs::BlobStore &store, const Clock &clock,
                             QString workRoot)
    : m_projects(projects), m_deploys(deploys), m_store(store), m_clock(clock), m_workRoot(std::move(workRoot)),
      m_sources(std::make_unique<storage::SourceStore>(connections)),
      m_projectStore(std::make_unique<storage::ProjectStore>(connections))
{
}

SourceService::~SourceService() = default;

Result<std::unique_ptr<upload::Upload<model::Source>>>
SourceService::openArchive(const model::Identity &caller, qint64 projectId, std::optional<qint64> declaredBytes)
{
    if (!caller.can(BuildCapability))
        return forbidden();
    if (Result<model::Project> project = m_projects.findVisible(caller, projectId); !project)
        return project.error();
    Result<std::unique_ptr<upload::ArchiveSpool>> spool =
        upload::ArchiveSpool::create(m_store, m_deploys.options().maxUploadBytes, declaredBytes);
    if (!spool)
        return spool.error();
    return std::unique_ptr<upload::Upload<model::Source>>(std::make_unique<upload::SpooledUpload<model::Source>>(
        std::move(*spool), [this, caller, projectId](const upload::ArchiveSpool &body) {
            return fromSpool(caller, projectId, body);
        }));
}

Result<model::Source> SourceService::fromSpool(const model::Identity &caller, qint64 projectId,
                                               const upload::ArchiveSpool &spool)
{
    // The project may have gone while the body arrived.
    if (Result<model::Project> project = m_projects.findVisible(caller, projectId); !project)
        return project.error();
    Result<model::Source> source = [&]() -> Result<model::Source> {
        const auto protection = m_deploys.blobGuard().protectNewBlobs();
        Result<blobs::Manifest> manifest =
            deploy::Ingest::fromArchive(spool.path(), m_deploys.options().limits, m_store,
                                        spool.stagingArea() + u"/ingest"_qs, deploy::Ingest::RootRules::Ignore);
        if (!manifest)
            return manifest.error();
        return record(projectId, caller.userId, *manifest, std::nullopt);
    }();
    return retained(source);
}

Result<model::Source> SourceService::fromUpload(const model::Identity &caller, const QString &uploadId)
{
    if (!caller.can(BuildCapability))
        return forbidden();
    Result<model::Source> source = [&]() -> Result<model::Source> {
        const auto protection = m_deploys.blobGuard().protectNewBlobs();
        auto upload = m_deploys.completeSourceUpload(caller, uploadId);
        if (!upload)
            return upload.error();
        return record(upload->first, caller.userId, upload->second, uploadId);
    }();
    return retained(source);
}

Result<model::Source> SourceService::fromDirectory(qint64 projectId, std::optional<qint64> authorId,
                                                   const QString &directory, const model::GitOrigin &origin)
{
    Result<QString> staging = m_store.createStagingArea();
    if (!staging)
        return staging.error();
    Result<model::Source> source = [&]() -> Result<model::Source> {
        const auto protection = m_deploys.blobGuard().protectNewBlobs();
        Result<blobs::Manifest> manifest =
            deploy::Ingest::fromDirectory(directory, m_deploys.options().limits, m_store, *staging + u"/ingest"_qs,
                                          deploy::Ingest::RootRules::Ignore);
        if (!manifest)
            return manifest.error();
        return record(projectId, authorId, *manifest, std::nullopt, origin);
    }();
    (void)m_store.removeStagingArea(*staging);
    return source;
}

// Outside the blob protection: retention collects garbage, which waits for
// every protection to end.
Result<model::Source> SourceService::retained(const Result<model::Source> &source)
{
    if (source)
        if (Status pruned = applyRetention(source->projectId); !pruned)
            qCWarning(lcSources) << "Source retention for project" << source->projectId
                                 << "failed:" << pruned.error().message;
    return source;
}

Result<model::Source> SourceService::record(qint64 projectId, std::optional<qint64> authorId,
                                            const blobs::Manifest &manifest, const std::optional<QString> &uploadId,
                                            const std::optional<model::GitOrigin> &origin)
{
    model::Source source;
    source.projectId = projectId;
    source.authorId = authorId;
    source.git = origin;
    source.createdAt = m_clock.nowMs();
    detect(source, manifest);
    // Bucket first: the source row is what makes other agents look for them.
    if (Status published = m_deploys.publishSource(manifest); !published)
        return published.error();
    return m_sources->insert(source, manifest, uploadId);
}

// Detection reads the tree as the build will see it, so it runs on a
// materialised copy; a failure to detect is shown, not refused: the owner may
// still pick a generator in the project settings.
void SourceService::detect(model::Source &source, const blobs::Manifest &manifest)
{
    QDir().mkpath(m_workRoot);
    QTemporaryDir tree(m_workRoot + u"/detect-XXXXXX"_qs);
    if (!tree.isValid() || !writeFiles(manifest, tree.path())) {
        source.detectionError = Error::make(u"build.undetected"_qs, u"The source could not be examined"_qs);
        return;
    }
    Result<Detection> detection = BuildDetector::detect(tree.path(), choiceFor(source.projectId));
    if (detection)
        source.detection = *detection;
    else
        source.detectionError = detection.error();
}

// The project's settings.build, as the engine will read them.
BuildDetector::Choice SourceService::choiceFor(qint64 projectId)
{
    BuildDetector::Choice choice;
    Result<std::optional<model::Project>> project = m_projectStore->findById(projectId);
    if (!project || !project->has_value())
        return choice;
    const model::ProjectSettings::Build &build = (*project)->settings.build;
    choice.generator = generatorFromName(build.generator);
    choice.npmScript = build.npmScript;
    choice.outputDir = build.outputDir;
    return choice;
}

Status SourceService::materialise(qint64 sourceId, const QString &directory)
{
    Result<blobs::Manifest> manifest = m_sources->manifest(sourceId);
    if (!manifest)
        return manifest.error();
    return writeFiles(*manifest, directory);
}

// Hard links to the blobs (read-only to the build: /src is mounted read-only
// and the blobs belong to the agent), so a thousand-file source is laid out
// in milliseconds.
Status SourceService::writeFiles(const blobs::Manifest &manifest, const QString &directory)
{
    const QDir root(directory);
    QSet<QString> folders;
    for (const blobs::ManifestEntry &entry : manifest.entries()) {
        const QString target = root.filePath(entry.path);
        const QString folder = QFileInfo(target).path();
        if (!folders.contains(folder)) {
            if (!QDir().mkpath(folder))
                return Error::make(DiskFull::codeFor(errno), u"Cannot create a folder for "_qs + entry.path);
            folders.insert(folder);
        }
        if (Status held = m_store.ensureHeld(entry.sha256); !held)
            return held.error(); // objects.unavailable: the build can be retried
        if (Status linked = LocalFile::linkOrCopy(m_store.pathFor(entry.sha256), target); !linked)
            // A full or read-only disk keeps its code; the build's error names it.
            return Error::make(linked.error().code.startsWith(u"storage.") ? linked.error().code : u"io.error"_qs,
                               u"Cannot lay out "_qs + entry.path + u" from the blob store"_qs,
                               {{u"reason"_qs, linked.error().message}});
    }
    return {};
}

Result<QList<model::Source>> SourceService::list(const model::Identity &caller, qint64 projectId)
{
    if (!caller.can(u"read"_qs))
        return Error::make(u"auth.forbidden"_qs, u"This token lacks the \"read\" capability"_qs);
    if (Result<model::Project> project = m_projects.findVisible(caller, projectId); !project)
        return project.error();
    return m_sources->listByProject(projectId);
}

Result<model::Page<model::Source>> SourceService::listPage(const model::Identity &caller, qint64 projectId,
                                                           const model::PageRequest &request)
{
    if (!caller.can(u"read"_qs))
        return Error::make(u"auth.forbidden"_qs, u"This token lacks the \"read\" capability"_qs);
    if (Result<model::Project> project = m_projects.findVisible(caller, projectId); !project)
        return project.error();
    return m_sources->pageByProject(projectId, request);
}

Result<model::Source> SourceService::get(const model::Identity &caller, qint64 sourceId)
{
    Result<model::Source> source = find(sourceId);
    if (!source)
        return source;
    if (Result<model::Project> project = m_projects.findVisible(caller, source->projectId); !project)
        return sourceNotFound();
    return source;
}

Result<model::Source> SourceService::find(qint64 sourceId)
{
    Result<std::optional<model::Source>> source = m_sources->find(sourceId);
    if (!source)
        return source.error();
    if (!source->has_value())
        return sourceNotFound();
    return **source;
}

Result<model::Source> SourceService::newest(qint64 projectId)
{
    Result<QList<model::Source>> sources = m_sources->listByProject(projectId);
    if (!sources)
        return sources.error();
    if (sources->isEmpty())
        return Error::make(u"source.not_found"_qs, u"This project has no source to build"_qs);
    return sources->first();
}

Status SourceService::applyRetention(qint64 projectId)
{
    Result<QList<qint64>> candidates =
        m_sources->retentionCandidates(projectId, m_deploys.options().retainVersions);
    if (!candidates)
        return candidates.error();
    for (qint64 id : *candidates)
        if (Status removed = m_sources->remove(id); !removed)
            return removed;
    // Their blobs go with the next collection (versions may share them).
    return candidates->isEmpty() ? Status() : m_deploys.collectGarbage();
}

} // namespace ddd::core::build
