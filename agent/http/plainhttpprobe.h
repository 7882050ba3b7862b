// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/asiostreams.h"

#include <QtGlobal>

namespace ddd::agent::http {

// Tells plain HTTP sent to a TLS port from a TLS handshake by the client's
// first byte, without consuming it: a TLS record starts with 0x16
// (handshake), an HTTP request with an upper-case method letter. So a user
// who typed http:// gets a readable answer instead of a closed connection.
class PlainHttpProbe final
{
public:
    enum class Verdict { Tls, PlainHttp, Gone };

    // Waits for the first byte (under the connection's deadline, which
    // cancels the wait) and peeks at it. Anything else than a method letter
    // counts as TLS, so the handshake refuses it as before.
    static asio::awaitable<Verdict> peek(tcp::socket &socket);
    // Writes the 400 answer telling the client to use https (the response
    // closes the connection); returns the bytes written, 0 when none were.
    static asio::awaitable<qint64> answer(tcp::socket &socket);
    // The stable code the access log records for that refusal.
    static constexpr const char16_t *errorCode = u"http.tls_required";
};

} // namespace ddd::agent::http
