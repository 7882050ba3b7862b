// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/uploadbodysink.h"

#include "core/upload/uploadsink.h"

namespace ddd::agent::api {

UploadBodySink::UploadBodySink(std::shared_ptr<core::upload::UploadSink> upload) : m_upload(std::move(upload)) {}

// The server stopped mid-body: the answer (which shares the upload) will
// never run, so the upload must let go of the body now.
UploadBodySink::~UploadBodySink()
{
    abort();
}

core::Status UploadBodySink::write(const char *data, std::size_t size)
{
    return m_upload->write(QByteArrayView(data, qsizetype(size)));
}

core::Status UploadBodySink::finish()
{
    m_done = true;
    return m_upload->finish();
}

void UploadBodySink::abort()
{
    if (m_done)
        return;
    m_done = true;
    m_upload->abort();
}

} // namespace ddd::agent::api
