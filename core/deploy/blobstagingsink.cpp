// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/blobstagingsink.h"

#include "core/util/crashpoint.h"

namespace ddd::core::deploy {

BlobStagingSink::BlobStagingSink(QString stagingDirectory) : m_stagingDirectory(std::move(stagingDirectory)) {}

Status BlobStagingSink::directory(const QString &)
{
    return {}; // directories live on as path prefixes in the manifest
}

Status BlobStagingSink::beginFile(const QString &path)
{
    Result<blobs::BlobWriter> writer = blobs::BlobWriter::create(m_stagingDirectory);
    if (!writer)
        return writer.error();
    m_writer.emplace(std::move(*writer));
    m_currentPath = path;
    return {};
}

Status BlobStagingSink::write(QByteArrayView chunk)
{
    return m_writer->write(chunk);
}

Status BlobStagingSink::endFile()
{
    Result<blobs::StagedBlob> staged = m_writer->finish();
    m_writer.reset();
    if (!staged)
        return staged.error();
    m_entries.append({m_currentPath, staged->sha256, staged->size});
    m_staged.append(std::move(*staged));
    CrashPoint::hit("ingest.blob_staged");
    return {};
}

} // namespace ddd::core::deploy
