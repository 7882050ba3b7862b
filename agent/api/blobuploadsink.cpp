// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/blobuploadsink.h"

#include "core/deploy/blobupload.h"

namespace ddd::agent::api {

BlobUploadSink::BlobUploadSink(std::unique_ptr<core::deploy::BlobUpload> upload) : m_upload(std::move(upload)) {}

BlobUploadSink::~BlobUploadSink()
{
    if (!m_done)
        abort();
}

core::Status BlobUploadSink::write(const char *data, std::size_t size)
{
    return m_upload->write(QByteArrayView(data, qsizetype(size)));
}

core::Status BlobUploadSink::finish()
{
    m_done = true;
    auto progress = m_upload->finish();
    if (!progress)
        return progress.error();
    return {};
}

void BlobUploadSink::abort()
{
    if (m_done)
        return;
    m_done = true;
    m_upload->abort();
}

} // namespace ddd::agent::api
