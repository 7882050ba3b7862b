// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/partialblobupload.h"

#include "core/blobs/blobstore.h"
#include "core/deploy/blobguard.h"
#include "core/util/crashpoint.h"

namespace ddd::core::deploy {

PartialBlobUpload::PartialBlobUpload(const blobs::BlobStore &store, BlobGuard &guard, QByteArray sha256, qint64 size,
                                     std::optional<blobs::PartialBlob> partial)
    : m_store(store), m_guard(guard), m_sha256(std::move(sha256)), m_size(size), m_partial(std::move(partial)),
      m_received(m_partial ? m_partial->size() : size), m_claimed(m_partial.has_value()),
      m_complete(!m_partial.has_value())
{
}

PartialBlobUpload::~PartialBlobUpload()
{
    m_partial.reset(); // close the file before another PUT may open it
    if (m_claimed)
        m_guard.releasePartial(m_sha256);
}

Status PartialBlobUpload::write(QByteArrayView chunk)
{
    if (chunk.isEmpty())
        return {};
    if (!m_partial)
        return Error::make(u"blob.too_large"_qs, u"The blob is complete; no more bytes are expected"_qs,
                           {{u"maximum"_qs, m_size}});
    if (Status appended = m_partial->append(chunk); !appended)
        return appended;
    m_received = m_partial->size();
    CrashPoint::hit("upload.chunk_written");
    return {};
}

Status PartialBlobUpload::finish()
{
    if (!m_complete) {
        if (!m_partial || m_received < m_size)
            return {}; // aborted, or more to come
        if (Status committed = commit(); !committed)
            return committed;
    }
    return m_publish ? m_publish(m_sha256) : Status();
}

Status PartialBlobUpload::commit()
{
    m_partial.reset();
    // From the commit until its session's manifest is seen by the collector
    // the blob must not look like garbage.
    const auto protection = m_guard.protectNewBlobs();
    if (Status completed = m_store.completePartial(m_sha256); !completed) {
        if (completed.error().code == u"blob.hash_mismatch")
            m_received = 0; // the store deleted the partial: the retry starts over
        return completed.error();
    }
    m_complete = true;
    return {};
}

void PartialBlobUpload::abort()
{
    m_partial.reset(); // what arrived stays on disk for the retry
}

Result<model::BlobProgress> PartialBlobUpload::complete()
{
    return progress(m_complete ? m_size : m_received, m_complete);
}

model::BlobProgress PartialBlobUpload::progress(qint64 received, bool complete) const
{
    return model::BlobProgress{QString::fromLatin1(m_sha256), m_size, received, complete};
}

} // namespace ddd::core::deploy
