// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/deploy/archivechunkupload.h"
#include "core/deploy/deployoptions.h"
#include "core/model/archiveuploadstatus.h"
#include "core/model/identity.h"
#include "core/storage/archiveupload.h"
#include "core/upload/upload.h"
#include "core/util/result.h"

#include <QList>
#include <QMutex>
#include <QSet>
#include <QString>

#include <memory>

namespace ddd::core {
class Clock;
}

namespace ddd::core::blobs {
class BlobStore;
class ObjectStore;
} // namespace ddd::core::blobs

namespace ddd::core::storage {
class ArchiveUploadStore;
class ConnectionProvider;
} // namespace ddd::core::storage

namespace ddd::core::deploy {

class ArchivePieces;
class ProjectService;

// Archive uploads in pieces that survive dropped connections and restarts
// (docs/api.md, "Archive upload sessions"): a session is opened with the
// archive's size (and optionally its SHA-256), pieces are appended at the
// offset the agent holds, and the whole archive is then handed to the same
// upload a one-shot archive deploy opens (take()).
//
// A session belongs to the user who opened it: everyone else, and every
// session past its idle expiry, gets `upload.not_found`. The bytes live in
// staging/archives/<id>/archive.part; the row in `archive_uploads`. The
// offset is that file's size, synced before a piece is answered, so a
// restart keeps a session resumable. sweep() removes expired sessions and
// folders no row names. Thread-safe; one piece or completion per session at
// a time (`upload.busy`).
//
// With shared object storage (keepPiecesIn) the bytes live in the bucket
// instead, a piece an object (ArchivePieces), so a retry or the completion
// may reach another agent with the api role; the offset is then the end of
// the last recorded piece, and take() fetches the pieces into the file.
class ArchiveUploads final
{
public:
    // A whole archive claimed for completion; the claim ends with the object.
    struct Ready
    {
        storage::ArchiveUpload row;
        QString path;
        std::shared_ptr<void> claim;
    };

    ArchiveUploads(storage::ConnectionProvider &connections, ProjectService &projects, const blobs::BlobStore &store,
                   const Clock &clock, const DeployOptions &options);
    ~ArchiveUploads();

    // `archive.too_large` past maxUploadBytes, `storage.disk_full` when the
    // staging file system cannot hold `size`, `upload.too_many_sessions` at
    // the per-user limit; `sha256` is lower-case hex or empty.
    Result<model::ArchiveUploadStatus> create(const model::Identity &caller, qint64 projectId, qint64 size,
                                              const QString &sha256);
    // The caller's open sessions of one project, oldest first.
    Result<QList<model::ArchiveUploadStatus>> list(const model::Identity &caller, qint64 projectId);
    Result<model::ArchiveUploadStatus> status(const model::Identity &caller, const QString &id);
    // `upload.offset_mismatch` (details.offset: where the session stands)
    // unless `offset` is where the session stands.
    Result<std::unique_ptr<upload::Upload<model::ArchiveUploadStatus>>>
    openChunk(const model::Identity &caller, const QString &id, qint64 offset);
    // `upload.incomplete` (details.offset, details.size) while bytes are
    // missing, the session staying open; `upload.hash_mismatch` when the
    // bytes are not the declared SHA-256, the session then discarded.
    Result<Ready> take(const model::Identity &caller, const QString &id);
    // Ends a session (after its archive was handed on, or on request).
    Status discard(const model::Identity &caller, const QString &id);
    Status finished(const Ready &ready);
    // Removes expired sessions and folders without a session (and, with
    // shared object storage, objects without one).
    Status sweep();
    // With shared object storage: pieces go to the bucket (ArchivePieces),
    // so any agent with the api role continues or completes a session.
    // Set while wiring.
    void keepPiecesIn(blobs::ObjectStore &bucket);

private:
    Result<storage::ArchiveUpload> owned(const model::Identity &caller, const QString &id);
    std::shared_ptr<void> claim(const QString &id);
    Result<qint64> offsetOf(const QString &id) const;
    Result<model::ArchiveUploadStatus> statusOf(const storage::ArchiveUpload &row) const;
    Result<std::unique_ptr<upload::Upload<model::ArchiveUploadStatus>>>
    openPiece(const storage::ArchiveUpload &row, qint64 start, std::shared_ptr<void> held,
              ArchiveChunkUpload::Reached reached);
    Result<model::ArchiveUploadStatus> reached(const storage::ArchiveUpload &row, qint64 offset);
    Status checkRoom(const model::Identity &caller, qint64 projectId, qint64 size);
    Status removeFolder(const QString &id);
    QString folderOf(const QString &id) const;
    QString fileOf(const QString &id) const;

    storage::ConnectionProvider &m_connections;
    ProjectService &m_projects;
    const blobs::BlobStore &m_store;
    const Clock &m_clock;
    const DeployOptions m_options;
    std::unique_ptr<storage::ArchiveUploadStore> m_rows;
    std::unique_ptr<ArchivePieces> m_pieces;
    QMutex m_folders; // sessions appearing (create) or going (sweep)
    QMutex m_busyMutex;
    QSet<QString> m_busy; // ids with a piece or a completion under way
};

} // namespace ddd::core::deploy
