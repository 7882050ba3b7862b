// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http: the Boost.Asio and Beast names the transport's .cpp
// files share. No header outside agent/http includes this one.

// Asio 1.74's awaitable.hpp uses std::exchange without including <utility>.
#include <utility>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>

#include <type_traits>

namespace ddd::agent::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;

using PlainStream = tcp::socket;
using TlsStream = asio::ssl::stream<tcp::socket>;

template<typename Stream>
inline constexpr bool isTlsStream = std::is_same_v<Stream, TlsStream>;

// The TCP socket under a plain or TLS stream: timeouts cancel it and a
// closing connection shuts it down.
template<typename Stream>
tcp::socket &socketOf(Stream &stream)
{
    if constexpr (isTlsStream<Stream>)
        return stream.next_layer();
    else
        return stream;
}

// Completion token for coroutines that handle errors as values.
inline auto awaitableWith(error_code &ec)
{
    return asio::redirect_error(asio::use_awaitable, ec);
}

} // namespace ddd::agent::http
