// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/asiostreams.h"
#include "agent/http/connectioncontext.h"
#include "agent/http/connectionrefusal.h"
#include "agent/http/connectionlimiter.h"
#include "core/util/result.h"

#include <boost/asio/io_context.hpp>

namespace ddd::agent::http {

class TlsContext;
class TrustedProxies;

// Accepts connections and gives each its own strand and coroutine. A peer
// over a connection cap is answered 503 by ConnectionRefusal, before a byte
// of its request is parsed.
class Listener final
{
public:
    // `tls` null: plain HTTP.
    Listener(asio::io_context &io, ConnectionContext &context, ConnectionLimiter &limiter,
             const TrustedProxies &proxies, TlsContext *tls);

    // Binds and listens; fails with http.bind_failed.
    core::Status listen(const QString &address, quint16 port);
    quint16 port() const;
    // Starts the accept loop on the I/O context.
    void start();

private:
    asio::awaitable<void> acceptLoop();
    void launch(tcp::socket socket);
    template<typename Stream>
    void spawn(Stream stream, ConnectionLimiter::Slot slot, const QHostAddress &peer);

    asio::io_context &m_io;
    ConnectionContext &m_context;
    ConnectionLimiter &m_limiter;
    const TrustedProxies &m_proxies;
    TlsContext *m_tls;
    tcp::acceptor m_acceptor;
    ConnectionRefusal m_refusal;
};

} // namespace ddd::agent::http
