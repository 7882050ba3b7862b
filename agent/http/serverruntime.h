// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/asiostreams.h"
#include "agent/http/connectioncontext.h"
#include "agent/http/drainsignal.h"
#include "agent/http/listener.h"
#include "agent/http/serveroptions.h"
#include "agent/http/tlscontext.h"
#include "agent/http/workerpool.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

namespace ddd::agent::http {

class ConnectionLimiter;
class RequestHeadBuilder;
class TrustedProxies;

// The running part of a Server: I/O contexts and threads, worker pool, TLS
// context and listener. One I/O context per I/O thread, each connection
// bound to one of them: a connection's handlers all run on one thread, so it
// needs no strand, and its wake-ups never cross threads. Members are declared
// so that destruction tears down in a safe order: workers (whose queued jobs
// still refer to connections) before the I/O contexts (which own the
// suspended connections) before TLS.
class ServerRuntime final
{
public:
    struct Shared
    {
        const ServerOptions &options;
        RequestHandler &handler;
        const RequestObserver &observer;
        ConnectionLimiter &limiter;
        const TrustedProxies &proxies;
        const RequestHeadBuilder &headBuilder;
    };

    explicit ServerRuntime(const Shared &shared);
    ServerRuntime(const ServerRuntime &) = delete;
    ServerRuntime &operator=(const ServerRuntime &) = delete;
    ~ServerRuntime();

    // Loads TLS, binds and starts the I/O threads.
    core::Status start();
    quint16 port() const;
    // Stops accepting and asks every connection to finish: idle ones close
    // at once, HTTP/1.1 ones after the answer in progress, HTTP/2 ones send
    // GOAWAY and finish the streams they have.
    void beginDrain();
    // Waits until no connection is open or `deadline` passes; true when
    // none is left.
    bool waitDrained(std::chrono::steady_clock::time_point deadline) const;
    // Stops I/O, then the workers, and joins every thread. Connections still
    // open are dropped without an answer.
    void stop();

private:
    Shared m_shared;
    std::unique_ptr<TlsContext> m_tls;
    DrainSignal m_drain; // outlives the connections, which the I/O contexts own
    std::vector<std::unique_ptr<asio::io_context>> m_ios;
    std::vector<asio::executor_work_guard<asio::io_context::executor_type>> m_ioWork;
    WorkerPool m_workers;
    ConnectionContext m_connectionContext;
    std::optional<Listener> m_listener;
    std::vector<std::thread> m_ioThreads;
};

} // namespace ddd::agent::http
