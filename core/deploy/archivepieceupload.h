// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/sha256.h"
#include "core/deploy/archivechunkupload.h"
#include "core/storage/archivepiecestore.h"

#include <QFile>

#include <memory>

namespace ddd::core::deploy {

class ArchivePieces;

// One piece of an archive upload whose bytes live in shared object storage
// (ArchivePieces): the body goes to a scratch file, and finish() puts it in
// the bucket and records it, so it counts on every agent. A piece cut off
// counts for nothing (the client resends it from the offset it is told);
// `upload.too_large` for bytes past the declared size. Holds the session's
// claim on this agent for its whole life.
class ArchivePieceUpload final : public upload::Upload<model::ArchiveUploadStatus>
{
public:
    struct Place
    {
        QString uploadId;
        qint64 start = 0; // where the piece goes in the archive
        qint64 size = 0;  // of the whole archive
    };

    static Result<std::unique_ptr<ArchivePieceUpload>> open(ArchivePieces &pieces, Place place, const QString &scratch,
                                                            std::shared_ptr<void> claim,
                                                            ArchiveChunkUpload::Reached reached);
    ~ArchivePieceUpload() override;

    Status write(QByteArrayView chunk) override;
    Status finish() override;
    void abort() override;
    Result<model::ArchiveUploadStatus> complete() override;

private:
    ArchivePieceUpload(ArchivePieces &pieces, Place place, const QString &scratch, std::shared_ptr<void> claim,
                       ArchiveChunkUpload::Reached reached);

    ArchivePieces &m_pieces;
    const Place m_place;
    QFile m_file;
    qint64 m_written = 0;
    blobs::Sha256 m_hash; // of the bytes written, as they arrive
    qint64 m_counted = 0; // recorded in the bucket
    std::shared_ptr<void> m_claim;
    ArchiveChunkUpload::Reached m_reached;
    bool m_reported = false;
};

} // namespace ddd::core::deploy
