// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/manifest.h"
#include "core/build/builddetector.h"
#include "core/model/identity.h"
#include "core/model/page.h"
#include "core/model/pagerequest.h"
#include "core/model/source.h"
#include "core/upload/upload.h"
#include "core/util/result.h"

#include <QList>
#include <QString>

#include <memory>

namespace ddd::core {
class Clock;
}

namespace ddd::core::blobs {
class BlobStore;
}

namespace ddd::core::deploy {
class DeploymentService;
class ProjectService;
} // namespace ddd::core::deploy

namespace ddd::core::upload {
class ArchiveSpool;
}

namespace ddd::core::storage {
class ConnectionProvider;
class ProjectStore;
class SourceStore;
} // namespace ddd::core::storage

namespace ddd::core::build {

// Build sources: uploaded as an archive or by the incremental protocol,
// checked by the archive entry rules (a source's root _redirects/_headers
// are plain files), kept as blobs plus a manifest, detected once on arrival,
// pruned to the newest N per project (the version retention count) except
// sources a queued or running build uses. Capability "build" (uploads also
// "deploy" for the incremental protocol). Thread-safe.
class SourceService final
{
public:
    SourceService(storage::ConnectionProvider &connections, deploy::ProjectService &projects,
                  deploy::DeploymentService &deploys, blobs::BlobStore &store, const Clock &clock,
                  QString workRoot);
    ~SourceService();

    // An archive source. Opening refuses what needs no body: the "build"
    // capability, the project, a `declaredBytes` the staging file system
    // cannot hold (`storage.disk_full`). complete() ingests the spooled body
    // under the archive entry rules (SourceUploads adds the build options).
    Result<std::unique_ptr<upload::Upload<model::Source>>> openArchive(const model::Identity &caller,
                                                                        qint64 projectId,
                                                                        std::optional<qint64> declaredBytes = {});
    Result<model::Source> fromUpload(const model::Identity &caller, const QString &uploadId);
    // A tree the agent made itself (a Git clone without .git), by the same
    // entry rules and limits as an upload; `directory` is left as it is.
    // No capability check (the build that fetched it had one) and no
    // retention (the build's end applies it once the build uses the source).
    Result<model::Source> fromDirectory(qint64 projectId, std::optional<qint64> authorId, const QString &directory,
                                        const model::GitOrigin &origin);

    Result<QList<model::Source>> list(const model::Identity &caller, qint64 projectId);
    Result<model::Page<model::Source>> listPage(const model::Identity &caller, qint64 projectId,
                                                const model::PageRequest &request);
    Result<model::Source> get(const model::Identity &caller, qint64 sourceId);
    // Newest source of a project (`source.not_found` when there is none).
    Result<model::Source> newest(qint64 projectId);
    Result<model::Source> find(qint64 sourceId);

    // Writes the source's files under `directory` (copies: the build must
    // never reach a blob through a link).
    Status materialise(qint64 sourceId, const QString &directory);
    Status applyRetention(qint64 projectId);

private:
    Result<model::Source> fromSpool(const model::Identity &caller, qint64 projectId,
                                    const upload::ArchiveSpool &spool);
    Result<model::Source> record(qint64 projectId, std::optional<qint64> authorId, const blobs::Manifest &manifest,
                                 const std::optional<QString> &uploadId,
                                 const std::optional<model::GitOrigin> &origin = std::nullopt);
    Result<model::Source> retained(const Result<model::Source> &source);
    void detect(model::Source &source, const blobs::Manifest &manifest);
    BuildDetector::Choice choiceFor(qint64 projectId);
    Status writeFiles(const blobs::Manifest &manifest, const QString &directory);

    deploy::ProjectService &m_projects;
    deploy::DeploymentService &m_deploys;
    blobs::BlobStore &m_store;
    const Clock &m_clock;
    const QString m_workRoot;
    std::unique_ptr<storage::SourceStore> m_sources;
    std::unique_ptr<storage::ProjectStore> m_projectStore;
};

} // namespace ddd::core::build
