// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/archive/entrysink.h"
#include "core/blobs/blobwriter.h"
#include "core/blobs/manifestentry.h"
#include "core/blobs/stagedblob.h"

#include <QList>
#include <QString>

#include <optional>

namespace ddd::core::deploy {

// Receives validated entries and writes each file as a staged blob in one
// upload's staging directory. Nothing reaches the blob store here: Ingest
// commits the staged blobs only once the whole archive or tree has passed.
class BlobStagingSink final : public archive::EntrySink
{
public:
    explicit BlobStagingSink(QString stagingDirectory);

    Status directory(const QString &path) override;
    Status beginFile(const QString &path) override;
    Status write(QByteArrayView chunk) override;
    Status endFile() override;

    const QList<blobs::StagedBlob> &stagedBlobs() const { return m_staged; }
    const QList<blobs::ManifestEntry> &entries() const { return m_entries; }

private:
    QString m_stagingDirectory;
    QString m_currentPath;
    std::optional<blobs::BlobWriter> m_writer;
    QList<blobs::StagedBlob> m_staged;
    QList<blobs::ManifestEntry> m_entries;
};

} // namespace ddd::core::deploy
