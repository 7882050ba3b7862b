// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/buildlogeventstream.h"

#include "core/build/buildlogfollower.h"

namespace ddd::agent::api {

BuildLogEventStream::BuildLogEventStream(std::shared_ptr<core::build::BuildLogFollower> follower)
    : m_follower(std::move(follower))
{
}

BuildLogEventStream::~BuildLogEventStream()
{
    m_follower->setWake({});
}

// Lines carry no newline (the log splits on them), so one data field each.
BuildLogEventStream::Chunk BuildLogEventStream::next()
{
    core::build::BuildLogFollower::Batch batch = m_follower->take();
    QByteArray out;
    for (const QByteArray &line : batch.lines)
        out.append("event: line\ndata: ").append(QByteArray(line).replace('\r', ' ')).append("\n\n");
    if (batch.ended)
        out.append("event: end\ndata: ").append(batch.endData).append("\n\n");
    return Chunk{out, batch.ended};
}

void BuildLogEventStream::setWake(std::function<void()> wake)
{
    m_follower->setWake(std::move(wake));
}

} // namespace ddd::agent::api
