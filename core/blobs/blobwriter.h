// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/sha256.h"
#include "core/blobs/stagedblob.h"
#include "core/util/result.h"

#include <QByteArrayView>
#include <QString>

#include <memory>

class QFile;

namespace ddd::core::blobs {

// Writes one blob into a staging directory under a fresh random name,
// hashing as it goes. finish() hands the file over as a StagedBlob; a writer
// destroyed before that deletes its file, so a failed upload leaves nothing.
class BlobWriter final
{
public:
    static Result<BlobWriter> create(const QString &stagingDirectory);

    BlobWriter(BlobWriter &&other) noexcept;
    BlobWriter &operator=(BlobWriter &&other) noexcept;
    ~BlobWriter();

    Status write(QByteArrayView data);
    // Closes the file (0644) and returns it with its hash and size. Durability
    // is BlobStore::commit()'s job: blobs the store already holds are dropped
    // without ever being synced.
    Result<StagedBlob> finish();

private:
    explicit BlobWriter(std::unique_ptr<QFile> file);
    void discard();

    std::unique_ptr<QFile> m_file;
    Sha256 m_hash;
    qint64 m_size = 0;
};

} // namespace ddd::core::blobs
