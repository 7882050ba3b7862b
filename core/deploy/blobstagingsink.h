// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/archive/entrysink.h"
#include "core/blobs/blobwriter.h"
#include "core/blobs/manifestentry.h"
#include "core/blobs/stagedblob.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <bitset>
#include <optional>

namespace ddd::core::blobs {
class BlobStore;
}

namespace ddd::core::deploy {

// Receives validated entries and writes each file as a staged blob in one
// upload's staging directory. Nothing reaches the blob store here: Ingest
// commits the staged blobs only once the whole archive or tree has passed.
// Small files are hashed in memory first: one the store already holds (a
// redeploy, a rebuild, a shared asset) is never written at all, which saves
// creating and deleting a file per unchanged page. A small file's hash is
// known before it is written, so it goes to a subdirectory named like its
// shard (`ab/` for `ab…`): creating 100,000 files in one directory cost twice
// the kernel time of spreading them over 256 (docs/performance.md). The caller holds
// BlobGuard::protectNewBlobs() until the manifest is recorded.
class BlobStagingSink final : public archive::EntrySink
{
public:
    BlobStagingSink(QString stagingDirectory, const blobs::BlobStore &store);

    Status directory(const QString &path) override;
    Status beginFile(const QString &path) override;
    Status write(QByteArrayView chunk) override;
    Status endFile() override;

    const QList<blobs::StagedBlob> &stagedBlobs() const { return m_staged; }
    const QList<blobs::ManifestEntry> &entries() const { return m_entries; }

private:
    Status spill(const QString &directory);
    Result<QString> shardDirectory(const QByteArray &sha256);

    QString m_stagingDirectory;
    const blobs::BlobStore &m_store;
    QByteArray m_pending; // the current file while it is small
    blobs::Sha256 m_hash;
    QString m_currentPath;
    std::optional<blobs::BlobWriter> m_writer;
    QList<blobs::StagedBlob> m_staged;
    QList<blobs::ManifestEntry> m_entries;
    std::bitset<256> m_shardsMade;
};

} // namespace ddd::core::deploy
