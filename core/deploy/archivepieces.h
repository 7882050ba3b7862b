// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/archivepiecestore.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <memory>

namespace ddd::core::blobs {
class ObjectStore;
}

namespace ddd::core::storage {
class ConnectionProvider;
}

namespace ddd::core::deploy {

// With shared object storage, the bytes of archive uploads in pieces
// (ArchiveUploads) live in the bucket rather than on one agent's disk: each
// piece is an object under archive-uploads/<upload id>/, named by where it
// starts and its SHA-256, and a row of archive_upload_pieces once the bucket
// confirmed it. Any agent with the api role can then take the next piece,
// report the offset, or put the archive together for its deploy.
//
// Error codes: the bucket's objects.* (objects.unavailable: a 503 to the
// client, the piece not counted), upload.offset_mismatch (another agent
// recorded a piece at that offset first), storage.blob_corrupt (a piece in
// the bucket is not what was recorded), io.error, storage.*.
class ArchivePieces final
{
public:
    ArchivePieces(blobs::ObjectStore &bucket, storage::ConnectionProvider &connections);
    ~ArchivePieces();

    // Bytes received: the end of the last piece.
    Result<qint64> received(const QString &uploadId);
    // Puts `file`, whose bytes `piece` describes, in the bucket (which checks
    // them against piece.sha256) and records it.
    Status add(const QString &uploadId, const storage::ArchivePieceStore::Piece &piece, const QString &file);
    // Writes the whole archive to `destination` (created or truncated),
    // checking every piece against its hash; `scratch` is a file it may use.
    Status assemble(const QString &uploadId, const QString &destination, const QString &scratch);
    // Deletes the upload's objects (its rows go with the upload's row).
    Status remove(const QString &uploadId);
    // Deletes the objects of every upload that `knownUploads` (the ids with
    // a row, asked after listing the bucket) does not name: expired, or
    // ended on an agent that could not reach the bucket then.
    Status sweep(const std::function<Result<QSet<QString>>()> &knownUploads);

private:
    Result<QList<QByteArray>> keysUnder(const QByteArray &prefix);
    Status removeAll(const QList<QByteArray> &keys);

    blobs::ObjectStore &m_bucket;
    std::unique_ptr<storage::ArchivePieceStore> m_rows;
};

} // namespace ddd::core::deploy
