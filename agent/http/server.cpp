// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/server.h"

#include "agent/http/connectionlimiter.h"
#include "agent/http/requestheadbuilder.h"
#include "agent/http/serverruntime.h"

namespace ddd::agent::http {

Server::Server(ServerOptions options, RequestHandler &handler, RequestObserver observer)
    : m_options(std::move(options)),
      m_handler(handler),
      m_observer(std::move(observer)),
      m_limiter(std::make_unique<ConnectionLimiter>(m_options.limits.maxConnections,
                                                    m_options.limits.maxConnectionsPerAddress))
{
}

Server::~Server()
{
    stop();
}

core::Status Server::start()
{
    if (m_runtime)
        return core::Error::make(u"http.already_started"_qs, u"the server is already running"_qs);
    auto proxies = TrustedProxies::fromList(m_options.trustedProxies);
    if (!proxies)
        return proxies.error();
    m_proxies = std::move(*proxies);
    m_headBuilder = std::make_unique<RequestHeadBuilder>(m_options.limits, m_proxies);
    auto runtime = std::make_unique<ServerRuntime>(ServerRuntime::Shared{
        m_options, m_handler, m_observer, *m_limiter, m_proxies, *m_headBuilder});
    if (auto started = runtime->start(); !started)
        return started;
    m_runtime = std::move(runtime);
    return {};
}

quint16 Server::port() const
{
    return m_runtime ? m_runtime->port() : 0;
}

void Server::beginDrain()
{
    if (m_runtime)
        m_runtime->beginDrain();
}

bool Server::waitDrained(std::chrono::steady_clock::time_point deadline) const
{
    return !m_runtime || m_runtime->waitDrained(deadline);
}

void Server::stop()
{
    m_runtime.reset();
}

int Server::openConnections() const
{
    return m_limiter->openConnections();
}

} // namespace ddd::agent::http
