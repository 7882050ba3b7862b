// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/requesthandler.h"
#include "agent/http/serveroptions.h"
#include "agent/http/trustedproxies.h"
#include "core/util/result.h"

#include <chrono>
#include <memory>

namespace ddd::agent::http {

class ConnectionLimiter;
class RequestHeadBuilder;
class ServerRuntime;

// One HTTP/1.1 listener (Boost.Beast over Asio, optionally TLS): I/O on a
// small thread pool, handler code on a worker pool, limits from
// ServerOptions::limits. The handler must outlive the server: it is called
// until stop() returns.
class Server final
{
public:
    Server(ServerOptions options, RequestHandler &handler, RequestObserver observer = {});
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;
    ~Server(); // stops

    // Binds options.address:options.port and starts serving. Fails with
    // http.invalid_trusted_proxy, http.tls_certificate_invalid,
    // http.tls_key_invalid, http.bind_failed or http.already_started.
    core::Status start();
    // The bound port (the chosen one when options.port was 0); 0 before start.
    quint16 port() const;
    // A graceful stop, in two steps so several servers drain at once:
    // beginDrain() stops accepting and lets every connection finish the
    // answer in progress (HTTP/2 clients get GOAWAY); waitDrained() waits
    // until none is open or `deadline` passes, true when none is left.
    // stop() then drops whatever remains.
    void beginDrain();
    bool waitDrained(std::chrono::steady_clock::time_point deadline) const;
    // Stops accepting, drops open connections and joins every thread;
    // worker threads run options.onWorkerExit first.
    void stop();
    // Connections currently open (for tests and the metrics gauge).
    int openConnections() const;

private:
    ServerOptions m_options;
    RequestHandler &m_handler;
    RequestObserver m_observer;
    TrustedProxies m_proxies;
    std::unique_ptr<ConnectionLimiter> m_limiter;
    std::unique_ptr<RequestHeadBuilder> m_headBuilder;
    std::unique_ptr<ServerRuntime> m_runtime;
};

} // namespace ddd::agent::http
