// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/versionrecorder.h"

#include "core/blobs/manifestdiff.h"
#include "core/deploy/blobpublisher.h"
#include "core/deploy/variantworker.h"
#include "core/storage/livepointerstore.h"
#include "core/storage/newversion.h"
#include "core/storage/versionstore.h"
#include "core/util/clock.h"
#include "core/util/crashpoint.h"

namespace ddd::core::deploy {

VersionRecorder::VersionRecorder(storage::VersionStore &versions, storage::LivePointerStore &pointers,
                                 const Clock &clock, VariantWorker &variantWorker)
    : m_versions(versions), m_pointers(pointers), m_clock(clock), m_variantWorker(variantWorker)
{
}

Result<blobs::Manifest> VersionRecorder::liveManifest(qint64 projectId)
{
    Result<std::optional<qint64>> live = m_pointers.liveVersionId(projectId);
    if (!live)
        return live.error();
    if (!live->has_value())
        return blobs::Manifest();
    Result<QList<model::VersionFile>> files = m_versions.files(**live);
    if (!files)
        return files.error();
    QList<blobs::ManifestEntry> entries;
    entries.reserve(files->size());
    for (const model::VersionFile &file : *files)
        entries.append({file.path, file.sha256.toLatin1(), file.size});
    return blobs::Manifest::fromEntries(std::move(entries));
}

Result<model::Version> VersionRecorder::record(qint64 projectId, std::optional<qint64> authorId,
                                               const blobs::Manifest &manifest, model::VersionSource source,
                                               const std::optional<QString> &consumedUploadId)
{
    // Before the row exists: a version is never recorded with content
    // that only this machine holds.
    if (m_publisher)
        if (Result<int> published = m_publisher->publish(manifest); !published)
            return published.error();
    Result<blobs::Manifest> live = liveManifest(projectId);
    if (!live)
        return live.error();
    storage::NewVersion version;
    version.projectId = projectId;
    version.authorId = authorId;
    version.source = source;
    version.manifestHash = manifest.manifestHash();
    version.diff = summarise(blobs::ManifestDiff::between(*live, manifest));
    version.createdAt = m_clock.nowMs();
    version.consumedUploadId = consumedUploadId;
    version.files.reserve(manifest.fileCount());
    for (const blobs::ManifestEntry &entry : manifest.entries())
        version.files.append({entry.path, QString::fromLatin1(entry.sha256), entry.size});
    CrashPoint::hit("deploy.blobs_committed");
    Result<model::Version> stored = m_versions.insert(version);
    if (!stored)
        return stored;
    CrashPoint::hit("deploy.version_committed");
    m_variantWorker.enqueue(projectId, manifest.entries());
    return stored;
}

model::DiffSummary VersionRecorder::summarise(const blobs::ManifestDiff &diff)
{
    return model::DiffSummary{diff.added().size(), diff.changed().size(), diff.removed().size(), diff.bytesAdded(),
                              diff.bytesRemoved()};
}

} // namespace ddd::core::deploy
