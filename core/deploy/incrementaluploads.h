// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/manifest.h"
#include "core/blobs/partialblob.h"
#include "core/model/blobprogress.h"
#include "core/model/identity.h"
#include "core/model/uploadplan.h"
#include "core/model/version.h"
#include "core/storage/uploadsession.h"
#include "core/upload/upload.h"
#include "core/util/random.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace ddd::core {
class Clock;
}

namespace ddd::core::blobs {
class BlobStore;
}

namespace ddd::core::storage {
class UploadSessionStore;
class VersionStore;
} // namespace ddd::core::storage

namespace ddd::core::deploy {

class BlobGuard;
class BlobPublisher;
class VersionRecorder;
struct DeployOptions;

// The incremental protocol behind DeploymentService: a session per posted
// manifest, resumable blob uploads into partial files shared by hash, and
// the final call that records the version. A session belongs to the account
// that started it; anyone else, and everyone after it expired, gets
// `upload.not_found`. Capabilities and project visibility are checked by
// DeploymentService before start().
class IncrementalUploads final
{
public:
    IncrementalUploads(storage::UploadSessionStore &sessions, storage::VersionStore &versions,
                       VersionRecorder &recorder, const blobs::BlobStore &store, BlobGuard &guard,
                       const Clock &clock, const DeployOptions &options);

    // `manifestJson` is either form UploadManifest reads. `source` sessions end in a build source (completeSource), others in a
    // version (finalize); each refuses the other kind as `upload.not_found`.
    Result<model::UploadPlan> start(qint64 projectId, qint64 authorId, const QByteArray &manifestJson,
                                    bool source = false);
    Result<model::BlobProgress> progress(const model::Identity &caller, const QString &uploadId,
                                         const QString &sha256);
    Result<std::unique_ptr<upload::Upload<model::BlobProgress>>> open(const model::Identity &caller, const QString &uploadId,
                                             const QString &sha256, qint64 offset);
    // The project of a session the caller may use, for checks before finalize().
    Result<qint64> projectOf(const model::Identity &caller, const QString &uploadId);
    // Consumes the session into a ready version.
    Result<model::Version> finalize(const model::Identity &caller, const QString &uploadId);
    // Whether the caller's session makes a source.
    Result<bool> isSource(const model::Identity &caller, const QString &uploadId);
    // A source session's manifest once every blob is in the store
    // (`upload.incomplete` otherwise); its root rules are not checked. The
    // caller holds BlobGuard::protectNewBlobs() until the source row exists.
    Result<blobs::Manifest> completeSource(const model::Identity &caller, const QString &uploadId);
    // With shared object storage: a blob the bucket holds is not asked for
    // again, even when this machine lacks it (another agent received it, or
    // the size-capped cache evicted it); whatever reads it fetches it. Each
    // blob is published as its PUT completes, so the session may be
    // finished on any agent.
    void countPublishedAsHeld(BlobPublisher &publisher) { m_publisher = &publisher; }

private:
    struct Session
    {
        storage::UploadSession row;
        blobs::Manifest manifest;
    };

    Result<Session> session(const model::Identity &caller, const QString &uploadId);
    Result<blobs::PartialBlob> openAt(const QByteArray &sha256, qint64 size, qint64 offset) const;
    std::unique_ptr<upload::Upload<model::BlobProgress>> uploadOf(const QByteArray &sha256, qint64 size,
                                                                  std::optional<blobs::PartialBlob> partial);
    bool isComplete(const QByteArray &sha256) const;
    bool isHeld(const QByteArray &sha256, qint64 size) const;
    QSet<QByteArray> publishedElsewhere(const blobs::Manifest &manifest) const;
    QStringList completeBlobs(const blobs::Manifest &manifest);
    Result<QString> insertSession(qint64 projectId, qint64 authorId, const blobs::Manifest &manifest, bool source);
    Status checkComplete(const blobs::Manifest &manifest);

    storage::UploadSessionStore &m_sessions;
    storage::VersionStore &m_versions;
    VersionRecorder &m_recorder;
    const blobs::BlobStore &m_store;
    BlobGuard &m_guard;
    const Clock &m_clock;
    const DeployOptions &m_options;
    BlobPublisher *m_publisher = nullptr;
    SystemRandom m_random;
};

} // namespace ddd::core::deploy
