// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/archivechunkupload.h"

#include "core/util/crashpoint.h"
#include "core/util/diskfull.h"
#include "core/util/localfile.h"

namespace ddd::core::deploy {

Result<std::unique_ptr<ArchiveChunkUpload>> ArchiveChunkUpload::open(const QString &path, qint64 offset, qint64 size,
                                                                     std::shared_ptr<void> claim, Reached reached)
{
    std::unique_ptr<ArchiveChunkUpload> upload(
        new ArchiveChunkUpload(path, offset, size, std::move(claim), std::move(reached)));
    // Unbuffered: a failed write shows at once, with the bytes before it on disk.
    if (!upload->m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return DiskFull::writeError(upload->m_file, u"Cannot open an archive upload"_qs);
    return upload;
}

ArchiveChunkUpload::ArchiveChunkUpload(const QString &path, qint64 offset, qint64 size, std::shared_ptr<void> claim,
                                       Reached reached)
    : m_file(path), m_offset(offset), m_size(size), m_claim(std::move(claim)), m_reached(std::move(reached))
{
}

ArchiveChunkUpload::~ArchiveChunkUpload()
{
    m_file.close();
    // A piece cut off still counts as activity; what arrived stays.
    if (!m_reported)
        (void)m_reached(m_offset);
}

Status ArchiveChunkUpload::write(QByteArrayView chunk)
{
    if (chunk.size() > m_size - m_offset)
        return Error::make(u"upload.too_large"_qs,
                           QStringLiteral("The archive was declared with %1 bytes; this piece goes past them").arg(m_size),
                           {{u"size"_qs, m_size}, {u"offset"_qs, m_offset}});
    if (m_file.write(chunk.data(), chunk.size()) != chunk.size()) {
        const Error failed = DiskFull::writeError(m_file, u"Cannot store the archive upload"_qs);
        // Whatever part of this write landed goes again: the session stays at
        // the last whole write, which the client can ask for and resume at.
        (void)m_file.resize(m_offset);
        return failed;
    }
    m_offset += chunk.size();
    CrashPoint::hit("archive.chunk_written");
    return {};
}

Status ArchiveChunkUpload::finish()
{
    // The offset the answer reports survives a crash of the agent or the machine.
    return LocalFile::syncFile(m_file.fileName());
}

void ArchiveChunkUpload::abort()
{
    m_file.close();
}

Result<model::ArchiveUploadStatus> ArchiveChunkUpload::complete()
{
    m_reported = true;
    m_file.close();
    return m_reached(m_offset);
}

} // namespace ddd::core::deploy
