// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/responsestream.h"

#include <memory>

namespace ddd::core::build {
class BuildLogFollower;
}

namespace ddd::agent::api {

// A build's log as Server-Sent Events: "event: line" per log line, then
// "event: end" carrying the finished build's JSON.
class BuildLogEventStream final : public http::ResponseStream
{
public:
    explicit BuildLogEventStream(std::shared_ptr<core::build::BuildLogFollower> follower);
    ~BuildLogEventStream() override;

    Chunk next() override;
    void setWake(std::function<void()> wake) override;
    QByteArray idleBytes() const override { return ": keep-alive\n\n"; }

private:
    std::shared_ptr<core::build::BuildLogFollower> m_follower;
};

} // namespace ddd::agent::api
