// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/asiostreams.h"
#include "agent/http/connectioncontext.h"
#include "agent/http/deadline.h"
#include "agent/http/requestheadbuilder.h"
#include "agent/http/requestheadparser.h"

#include <QHostAddress>

#include <optional>
#include <string>
#include <string_view>

namespace ddd::agent::http {

// Reads request heads off a connection: raw bytes checked by HeadScanner
// first (limits, obs-fold), then Beast's parser (RequestHeadParser), then
// RequestHeadBuilder.
// Deadlines are absolute, counted from when the server began waiting.
template<typename Stream>
class HeadReader final
{
public:
    using Clock = Deadline::Clock;

    HeadReader(Stream &stream, beast::flat_buffer &buffer, Deadline &deadline, const ConnectionContext &context,
               const QHostAddress &peer);

    // Waits for the first byte of the next request, at most the keep-alive
    // timeout after `waitStart`; false when the client closed or stayed idle.
    asio::awaitable<bool> awaitRequest(Clock::time_point waitStart);
    // The next head, complete within the header timeout after `waitStart`.
    // Fails with the transport's refusal, or http.client_gone when the client
    // left before finishing it (nothing to answer then).
    asio::awaitable<core::Result<Request>> read(Clock::time_point waitStart);

    // The parser of the last head read: its framing (keep_alive, is_done,
    // content_length).
    const RequestHeadParser &parser() const { return *m_parser; }
    // The last head's bytes when a body follows it (a body parser starts
    // from them), else empty.
    std::string_view headBeforeBody() const { return m_headBeforeBody; }
    // 10 or 11; 11 until a head was parsed.
    unsigned version() const { return m_version; }
    // The method of the last head, empty when it could not be parsed.
    QByteArray method() const { return m_method; }

private:
    asio::awaitable<error_code> readMore();
    core::Result<Request> parseHead(qsizetype headSize);
    std::string_view received() const;

    Stream &m_stream;
    beast::flat_buffer &m_buffer;
    Deadline &m_deadline;
    const ConnectionContext &m_context;
    RequestHeadBuilder::ConnectionState m_connection;
    std::optional<RequestHeadParser> m_parser;
    std::string m_headBeforeBody;
    unsigned m_version = 11;
    QByteArray m_method;
};

} // namespace ddd::agent::http
