// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/asiostreams.h"
#include "agent/http/response.h"
#include "agent/http/responseserializer.h"
#include "agent/http/serverlimits.h"

#include <QFile>

#include <vector>

namespace ddd::agent::http {

class Deadline;

// Puts a Response on the wire: head, then bytes from memory or a file range
// read in bounded chunks (from the page cache, as Beast's file_body would, on
// the I/O thread). Every write gets its own deadline, so a reader that stops
// reading loses the connection instead of holding it forever.
template<typename Stream>
class ResponseWriter final
{
public:
    struct Result
    {
        bool delivered = false; // false: the connection cannot be used any more
        int status = 0;         // the status actually sent (a broken response becomes 500)
    };

    static constexpr qint64 fileChunkSize = 64 * 1024;

    ResponseWriter(Stream &stream, Deadline &deadline, const ServerLimits &limits);

    // `withBody` false answers HEAD: Content-Length without content.
    asio::awaitable<Result> write(Response response, ResponseSerializer::Framing framing, bool withBody);
    // The interim "100 Continue" of a request that sent Expect.
    asio::awaitable<bool> writeContinue();

private:
    static core::Result<qint64> openBody(const Response &response, QFile &file);
    asio::awaitable<bool> writeBuffers(const std::vector<asio::const_buffer> &buffers);
    asio::awaitable<bool> streamFile(QFile &file, qint64 length);

    Stream &m_stream;
    Deadline &m_deadline;
    const ServerLimits &m_limits;
};

} // namespace ddd::agent::http
