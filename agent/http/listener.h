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

#include <vector>

namespace ddd::agent::http {

class TlsContext;
class TrustedProxies;

// Accepts connections (on the first I/O context) and gives each its own
// coroutine on the next I/O context in turn. A peer
// over a connection cap is answered 503 by ConnectionRefusal, before a byte
// of its request is parsed.
class Listener final
{
public:
    // `tls` null: plain HTTP.
    // `contexts`: one per I/O thread, not empty, outliving the listener.
    Listener(std::vector<asio::io_context *> contexts, ConnectionContext &context, ConnectionLimiter &limiter,
             const TrustedProxies &proxies, TlsContext *tls);

    // Binds and listens; fails with http.bind_failed.
    core::Status listen(const QString &address, quint16 port);
    quint16 port() const;
    // Starts the accept loop on the I/O context.
    void start();
    // Stops accepting (from any thread): new clients are refused by the
    // kernel while the open connections finish.
    void close();

private:
    asio::awaitable<void> acceptLoop();
    void launch(tcp::socket socket);
    template<typename Stream>
    void spawn(Stream stream, ConnectionLimiter::Slot slot, const QHostAddress &peer);

    std::vector<asio::io_context *> m_contexts;
    std::size_t m_nextContext = 0; // only the accept loop uses it
    ConnectionContext &m_context;
    ConnectionLimiter &m_limiter;
    const TrustedProxies &m_proxies;
    TlsContext *m_tls;
    tcp::acceptor m_acceptor;
    ConnectionRefusal m_refusal;
};

} // namespace ddd::agent::http
