// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/partialblob.h"
#include "core/deploy/blobupload.h"

#include <QByteArray>

#include <optional>

namespace ddd::core::blobs {
class BlobStore;
}

namespace ddd::core::deploy {

class BlobGuard;

// BlobUpload over BlobStore's partial blobs. Holds the BlobGuard claim on
// its partial for its whole life, so no second PUT of the same blob writes
// into the file meanwhile; built without a partial when the store already
// holds the blob, in which case there is nothing left to send.
class PartialBlobUpload final : public BlobUpload
{
public:
    // `partial` must have been claimed from `guard` by the caller.
    PartialBlobUpload(const blobs::BlobStore &store, BlobGuard &guard, QByteArray sha256, qint64 size,
                      std::optional<blobs::PartialBlob> partial);
    ~PartialBlobUpload() override;
    PartialBlobUpload(const PartialBlobUpload &) = delete;
    PartialBlobUpload &operator=(const PartialBlobUpload &) = delete;

    Status write(QByteArrayView chunk) override;
    Result<model::BlobProgress> finish() override;
    void abort() override;

private:
    model::BlobProgress progress(qint64 received, bool complete) const;

    const blobs::BlobStore &m_store;
    BlobGuard &m_guard;
    QByteArray m_sha256;
    qint64 m_size;
    std::optional<blobs::PartialBlob> m_partial; // open while bytes may arrive
    qint64 m_received;
    bool m_claimed;
    bool m_complete;
};

} // namespace ddd::core::deploy
