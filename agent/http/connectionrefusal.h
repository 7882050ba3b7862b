// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/asiostreams.h"

#include <QByteArray>
#include <QHostAddress>

#include <atomic>
#include <chrono>

namespace ddd::agent::http {

// Answers a connection over its cap instead of resetting it: a canned
// `503 http.too_many_connections` with Retry-After, then a short linger so
// the answer is read before the close. A browser then retries instead of
// showing a broken page. What it costs is bounded: the request is never
// parsed, and at most `maxInFlight` refusals are lingering at once; past
// that (and on TLS listeners, where an answer would need a full handshake)
// the socket is closed at once and the refusal logged at warning level,
// at most once a second with a count.
class ConnectionRefusal final
{
public:
    static constexpr int maxInFlight = 64;

    explicit ConnectionRefusal(std::chrono::milliseconds linger);

    // `canAnswer` false: a TLS listener, close only. Called on an I/O thread.
    void refuse(tcp::socket socket, const QHostAddress &peer, bool canAnswer);

private:
    asio::awaitable<void> answerAndClose(tcp::socket socket);
    void logClosed(const QHostAddress &peer);

    std::chrono::milliseconds m_linger;
    std::atomic<int> m_inFlight = 0;
    std::atomic<qint64> m_lastLogSecond = 0;
    std::atomic<int> m_unlogged = 0;
};

} // namespace ddd::agent::http
