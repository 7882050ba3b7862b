// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/bodysink.h"

#include <memory>

namespace ddd::core::upload {
class UploadSink;
}

namespace ddd::agent::api {

// The one adapter from the server's BodySink to core's UploadSink: every
// upload route's body (archives, sources, blobs) streams through it into
// whatever a core service opened. It only moves bytes; what they become,
// and what an aborted body leaves behind, is the core upload's business.
class UploadBodySink final : public http::BodySink
{
public:
    explicit UploadBodySink(std::shared_ptr<core::upload::UploadSink> upload);
    ~UploadBodySink() override;

    core::Status write(const char *data, std::size_t size) override;
    core::Status finish() override;
    void abort() override;

private:
    std::shared_ptr<core::upload::UploadSink> m_upload;
    bool m_done = false;
};

} // namespace ddd::agent::api
