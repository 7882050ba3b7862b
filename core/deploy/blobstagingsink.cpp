// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/blobstagingsink.h"

#include "core/blobs/blobstore.h"
#include "core/util/crashpoint.h"

#include <QDir>

#include <utility>

namespace ddd::core::deploy {

namespace {

// Larger files stream to disk as they arrive: memory stays bounded.
constexpr qsizetype kInMemoryLimit = 256 * 1024;

} // namespace

BlobStagingSink::BlobStagingSink(QString stagingDirectory, const blobs::BlobStore &store)
    : m_stagingDirectory(std::move(stagingDirectory)), m_store(store)
{
}

Status BlobStagingSink::directory(const QString &)
{
    return {}; // directories live on as path prefixes in the manifest
}

Status BlobStagingSink::beginFile(const QString &path)
{
    m_currentPath = path;
    m_pending.clear();
    return {};
}

Status BlobStagingSink::write(QByteArrayView chunk)
{
    if (m_writer)
        return m_writer->write(chunk);
    m_pending.append(chunk);
    return m_pending.size() > kInMemoryLimit ? spill(m_stagingDirectory) : Status();
}

// The file outgrew memory (its hash is not known yet), or it is complete and
// new: it goes to a staging file in `directory` from here on.
Status BlobStagingSink::spill(const QString &directory)
{
    Result<blobs::BlobWriter> writer = blobs::BlobWriter::create(directory);
    if (!writer)
        return writer.error();
    m_writer.emplace(std::move(*writer));
    const QByteArray pending = std::exchange(m_pending, {});
    return m_writer->write(pending);
}

Status BlobStagingSink::endFile()
{
    if (!m_writer) {
        m_hash.addData(m_pending);
        const QByteArray sha256 = m_hash.hexResult();
        if (m_store.contains(sha256)) {
            m_entries.append({m_currentPath, sha256, m_pending.size()});
            m_pending.clear();
            return {};
        }
        Result<QString> shard = shardDirectory(sha256);
        if (!shard)
            return shard.error();
        if (Status spilled = spill(*shard); !spilled)
            return spilled;
    }
    Result<blobs::StagedBlob> staged = m_writer->finish();
    m_writer.reset();
    if (!staged)
        return staged.error();
    m_entries.append({m_currentPath, staged->sha256, staged->size});
    m_staged.append(std::move(*staged));
    CrashPoint::hit("ingest.blob_staged");
    return {};
}

Result<QString> BlobStagingSink::shardDirectory(const QByteArray &sha256)
{
    const int shard = QByteArray::fromHex(sha256.left(2)).at(0) & 0xff;
    const QString directory = m_stagingDirectory + u'/' + QLatin1StringView(sha256.left(2));
    if (!m_shardsMade.test(shard)) {
        if (!QDir().mkpath(directory))
            return Error::make(u"io.error"_qs, u"Cannot create staging directory "_qs + directory);
        m_shardsMade.set(shard);
    }
    return directory;
}

} // namespace ddd::core::deploy
