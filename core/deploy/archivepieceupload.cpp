// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/archivepieceupload.h"

#include "core/deploy/archivepieces.h"
#include "core/util/diskfull.h"

namespace ddd::core::deploy {

Result<std::unique_ptr<ArchivePieceUpload>> ArchivePieceUpload::open(ArchivePieces &pieces, Place place,
                                                                     const QString &scratch, std::shared_ptr<void> claim,
                                                                     ArchiveChunkUpload::Reached reached)
{
    std::unique_ptr<ArchivePieceUpload> upload(
        new ArchivePieceUpload(pieces, std::move(place), scratch, std::move(claim), std::move(reached)));
    if (!upload->m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return DiskFull::writeError(upload->m_file, u"Cannot receive an archive piece"_qs);
    return upload;
}

ArchivePieceUpload::ArchivePieceUpload(ArchivePieces &pieces, Place place, const QString &scratch,
                                       std::shared_ptr<void> claim, ArchiveChunkUpload::Reached reached)
    : m_pieces(pieces), m_place(std::move(place)), m_file(scratch), m_claim(std::move(claim)),
      m_reached(std::move(reached))
{
}

ArchivePieceUpload::~ArchivePieceUpload()
{
    m_file.close();
    m_file.remove();
    if (!m_reported) // a piece cut off still counts as activity
        (void)m_reached(m_place.start + m_counted);
}

Status ArchivePieceUpload::write(QByteArrayView chunk)
{
    const qint64 offset = m_place.start + m_written;
    if (chunk.size() > m_place.size - offset)
        return Error::make(u"upload.too_large"_qs,
                           QStringLiteral("The archive was declared with %1 bytes; this piece goes past them")
                               .arg(m_place.size),
                           {{u"size"_qs, m_place.size}, {u"offset"_qs, offset}});
    if (m_file.write(chunk.data(), chunk.size()) != chunk.size())
        return DiskFull::writeError(m_file, u"Cannot receive an archive piece"_qs);
    m_hash.addData(chunk);
    m_written += chunk.size();
    return {};
}

Status ArchivePieceUpload::finish()
{
    m_file.close();
    if (m_written == 0)
        return {};
    const storage::ArchivePieceStore::Piece piece{m_place.start, m_written, m_hash.hexResult()};
    if (Status added = m_pieces.add(m_place.uploadId, piece, m_file.fileName()); !added)
        return added;
    m_counted = m_written;
    return {};
}

void ArchivePieceUpload::abort()
{
    m_file.close();
}

Result<model::ArchiveUploadStatus> ArchivePieceUpload::complete()
{
    m_reported = true;
    return m_reached(m_place.start + m_counted);
}

} // namespace ddd::core::deploy
