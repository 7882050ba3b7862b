// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/bodysink.h"

#include <memory>

namespace ddd::core::deploy {
class BlobUpload;
}

namespace ddd::agent::api {

// Forwards a PUT body to one blob of an incremental upload. Bytes that
// arrived before a dropped connection stay with the agent (abort keeps them),
// so the client resumes from the offset the agent reports.
class BlobUploadSink final : public http::BodySink
{
public:
    explicit BlobUploadSink(std::unique_ptr<core::deploy::BlobUpload> upload);
    ~BlobUploadSink() override;

    core::Status write(const char *data, std::size_t size) override;
    core::Status finish() override;
    void abort() override;

private:
    std::unique_ptr<core::deploy::BlobUpload> m_upload;
    bool m_done = false;
};

} // namespace ddd::agent::api
