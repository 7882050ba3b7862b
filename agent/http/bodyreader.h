// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/asiostreams.h"
#include "agent/http/bodyprogress.h"
#include "agent/http/bodysink.h"
#include "agent/http/request.h"
#include "agent/http/requestheadparser.h"

#include <boost/beast/http/buffer_body.hpp>

#include <string_view>
#include <vector>

namespace ddd::agent::http {

class Deadline;
class WorkerPool;

// Reads a request body in bounded chunks, into a BodySink (whose calls run on
// the worker pool, they write to disk) or into Request::body. Never holds
// more than one chunk of a streamed body.
template<typename Stream>
class BodyReader final
{
public:
    static constexpr std::size_t chunkSize = 64 * 1024;

    BodyReader(Stream &stream, beast::flat_buffer &buffer, Deadline &deadline, WorkerPool &workers,
               const BodyProgress::Rules &progressRules);

    // Reads the body that follows `head` (parsed from `headBytes`, which a
    // body parser is started from), at most `limit` bytes, then calls
    // sink->finish(); on any failure calls sink->abort() instead. Fails with http.body_too_large, http.body_timeout
    // (a BodyProgress rule broke; the message says which), http.bad_framing,
    // http.client_gone or the sink's own error.
    asio::awaitable<core::Status> read(const RequestHeadParser &head, std::string_view headBytes, qint64 limit,
                                       BodySink *sink, Request &request);

private:
    using BodyParser = beast::http::request_parser<beast::http::buffer_body>;

    asio::awaitable<core::Status> transfer(const RequestHeadParser &head, std::string_view headBytes, qint64 limit,
                                           BodySink *sink, Request &request);
    asio::awaitable<error_code> readChunk(BodyParser &parser, const BodyProgress &progress);
    asio::awaitable<core::Status> deliver(BodySink *sink, Request &request, std::size_t size);
    asio::awaitable<core::Status> settle(BodySink *sink, core::Status status);
    static core::Error failure(const error_code &ec, const BodyProgress &progress);

    Stream &m_stream;
    beast::flat_buffer &m_buffer;
    Deadline &m_deadline;
    WorkerPool &m_workers;
    BodyProgress::Rules m_progressRules;
    std::vector<char> m_chunk;
};

} // namespace ddd::agent::http
