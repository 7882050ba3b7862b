// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/asiostreams.h"
#include "agent/http/response.h"
#include "agent/http/serverlimits.h"

namespace ddd::agent::http {

class Deadline;

// Sends a Response whose body is a ResponseStream: the head (no length,
// Connection: close), then every chunk as the producer wakes the connection,
// until its end, a failed write (the client left) or the write deadline.
// Idle periods are bridged by the stream's idle bytes every idleInterval.
template<typename Stream>
class StreamWriter final
{
public:
    struct Result
    {
        bool delivered = false;
        int status = 0;
        qint64 bytes = 0;
    };

    static constexpr std::chrono::seconds idleInterval{15};

    StreamWriter(Stream &stream, Deadline &deadline, const ServerLimits &limits);

    asio::awaitable<Result> write(Response response, bool withBody);

private:
    asio::awaitable<bool> send(const QByteArray &bytes);
    asio::awaitable<bool> pump(ResponseStream &stream, qint64 &bytes);

    Stream &m_stream;
    Deadline &m_deadline;
    const ServerLimits &m_limits;
};

} // namespace ddd::agent::http
