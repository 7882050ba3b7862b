// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/plainhttpprobe.h"

#include <boost/asio/write.hpp>

#include <string_view>

namespace ddd::agent::http {

namespace {

// TLS record type 22: every ClientHello starts with it.
constexpr unsigned char tlsHandshakeRecord = 0x16;

constexpr std::string_view body = "This port speaks HTTPS only: use https:// in the address.\n";

std::string answerBytes()
{
    return "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
           + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + std::string(body);
}

} // namespace

asio::awaitable<PlainHttpProbe::Verdict> PlainHttpProbe::peek(tcp::socket &socket)
{
    error_code ec;
    co_await socket.async_wait(tcp::socket::wait_read, awaitableWith(ec));
    unsigned char first = 0;
    const std::size_t peeked = ec ? 0 : socket.receive(asio::buffer(&first, 1), tcp::socket::message_peek, ec);
    if (ec || peeked == 0)
        co_return Verdict::Gone;
    if (first != tlsHandshakeRecord && first >= 'A' && first <= 'Z')
        co_return Verdict::PlainHttp;
    co_return Verdict::Tls;
}

asio::awaitable<qint64> PlainHttpProbe::answer(tcp::socket &socket)
{
    static const std::string bytes = answerBytes();
    error_code ec;
    const std::size_t written = co_await asio::async_write(socket, asio::buffer(bytes), awaitableWith(ec));
    co_return ec ? 0 : qint64(written);
}

} // namespace ddd::agent::http
