// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/partialblob.h"
#include "core/model/blobprogress.h"
#include "core/upload/upload.h"

#include <QByteArray>

#include <functional>
#include <optional>

namespace ddd::core::blobs {
class BlobStore;
}

namespace ddd::core::deploy {

class BlobGuard;

// One PUT of the incremental protocol, over BlobStore's partial blobs: write()
// appends (`blob.too_large` beyond the size the manifest declared); finish()
// verifies the SHA-256 and commits the blob once all of it arrived
// (`blob.hash_mismatch` discards the partial, so the retry starts at 0);
// complete() answers how far the blob got; abort() keeps what arrived, so a
// retry resumes where this one stopped. Holds the BlobGuard claim on
// its partial for its whole life, so no second PUT of the same blob writes
// into the file meanwhile; built without a partial when the store already
// holds the blob, in which case there is nothing left to send.
//
// With shared object storage a complete blob is published before the PUT
// answers (publishWhenComplete), so finalize() may run on another agent. A
// failed publication answers its error (`objects.unavailable`, a 503); the
// blob stays committed here, and the retry, or this agent's finalize(),
// publishes it again.
class PartialBlobUpload final : public upload::Upload<model::BlobProgress>
{
public:
    // `partial` must have been claimed from `guard` by the caller.
    PartialBlobUpload(const blobs::BlobStore &store, BlobGuard &guard, QByteArray sha256, qint64 size,
                      std::optional<blobs::PartialBlob> partial);
    ~PartialBlobUpload() override;
    PartialBlobUpload(const PartialBlobUpload &) = delete;
    PartialBlobUpload &operator=(const PartialBlobUpload &) = delete;

    Status write(QByteArrayView chunk) override;
    Status finish() override;
    void abort() override;
    Result<model::BlobProgress> complete() override;

    void publishWhenComplete(std::function<Status(const QByteArray &sha256)> publish) { m_publish = std::move(publish); }

private:
    Status commit();
    model::BlobProgress progress(qint64 received, bool complete) const;

    const blobs::BlobStore &m_store;
    BlobGuard &m_guard;
    QByteArray m_sha256;
    qint64 m_size;
    std::optional<blobs::PartialBlob> m_partial; // open while bytes may arrive
    qint64 m_received;
    bool m_claimed;
    bool m_complete;
    std::function<Status(const QByteArray &sha256)> m_publish;
};

} // namespace ddd::core::deploy
