// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/serverruntime.h"

#include "agent/http/httplogging.h"

#include <csignal>

namespace ddd::agent::http {

namespace {

std::vector<std::unique_ptr<asio::io_context>> makeContexts(int threads)
{
    std::vector<std::unique_ptr<asio::io_context>> contexts;
    // Concurrency hint 1: each context is run by one thread only.
    for (int i = 0; i < std::max(1, threads); ++i)
        contexts.push_back(std::make_unique<asio::io_context>(1));
    return contexts;
}

} // namespace

ServerRuntime::ServerRuntime(const Shared &shared)
    : m_shared(shared),
      m_ios(makeContexts(shared.options.ioThreads)),
      m_workers(shared.options.workerThreads, shared.options.onWorkerExit),
      m_connectionContext{shared.options.limits, shared.handler, shared.observer, m_workers, shared.headBuilder,
                          m_drain}
{
}

ServerRuntime::~ServerRuntime()
{
    stop();
}

core::Status ServerRuntime::start()
{
    // sendfile(2) has no MSG_NOSIGNAL: a client gone mid-answer would kill
    // the process with SIGPIPE instead of failing the call with EPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    const ServerOptions &options = m_shared.options;
    TlsContext *tls = nullptr;
    if (!options.tlsCertFile.isEmpty() || !options.tlsKeyFile.isEmpty()) {
        auto loaded = TlsContext::load(options.tlsCertFile, options.tlsKeyFile,
                                         options.tls13Only ? TlsContext::MinVersion::Tls13
                                                           : TlsContext::MinVersion::Tls12,
                                         options.limits.http2.enabled);
        if (!loaded)
            return loaded.error();
        m_tls = std::move(*loaded);
        tls = m_tls.get();
    }
    std::vector<asio::io_context *> contexts;
    for (const auto &io : m_ios)
        contexts.push_back(io.get());
    m_listener.emplace(contexts, m_connectionContext, m_shared.limiter, m_shared.proxies, tls);
    if (auto listening = m_listener->listen(options.address, options.port); !listening)
        return listening;
    m_listener->start();
    for (const auto &io : m_ios) {
        m_ioWork.push_back(asio::make_work_guard(*io));
        m_ioThreads.emplace_back([context = io.get()] { context->run(); });
    }
    qCInfo(lcHttp).noquote() << "listening on" << options.address << port() << (tls ? "(TLS)" : "");
    return {};
}

quint16 ServerRuntime::port() const
{
    return m_listener ? m_listener->port() : 0;
}

void ServerRuntime::beginDrain()
{
    if (m_listener)
        m_listener->close();
    m_drain.begin();
}

bool ServerRuntime::waitDrained(std::chrono::steady_clock::time_point deadline) const
{
    static constexpr auto poll = std::chrono::milliseconds(20);
    while (m_shared.limiter.openConnections() > 0) {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(poll);
    }
    return true;
}

void ServerRuntime::stop()
{
    m_ioWork.clear();
    for (const auto &io : m_ios)
        io->stop();
    for (std::thread &thread : m_ioThreads)
        if (thread.joinable())
            thread.join();
    m_ioThreads.clear();
    m_workers.stop();
}

} // namespace ddd::agent::http
