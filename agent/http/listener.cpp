// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/listener.h"

#include "agent/http/connection.h"
#include "agent/http/httplogging.h"
#include "agent/http/tlscontext.h"
#include "agent/http/trustedproxies.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>

namespace ddd::agent::http {

namespace {

// Accepting fails when file descriptors run out; retrying at once would spin.
constexpr std::chrono::milliseconds acceptRetryDelay{100};

core::Error bindFailed(const QString &address, quint16 port, const error_code &ec)
{
    return core::Error::make(u"http.bind_failed"_qs, QString::fromStdString(ec.message()),
                             QJsonObject{{u"address"_qs, address}, {u"port"_qs, port}});
}

void logEscapedException(std::exception_ptr failure)
{
    if (!failure)
        return;
    try {
        std::rethrow_exception(failure);
    } catch (const std::exception &exception) {
        qCCritical(lcHttp) << "connection ended by an exception:" << exception.what();
    } catch (...) {
        qCCritical(lcHttp) << "connection ended by an unknown exception";
    }
}

} // namespace

Listener::Listener(std::vector<asio::io_context *> contexts, ConnectionContext &context, ConnectionLimiter &limiter,
                   const TrustedProxies &proxies, TlsContext *tls)
    : m_contexts(std::move(contexts)),
      m_context(context),
      m_limiter(limiter),
      m_proxies(proxies),
      m_tls(tls),
      m_acceptor(*m_contexts.front()),
      m_refusal(context.limits.lingerTimeout)
{
}

core::Status Listener::listen(const QString &address, quint16 port)
{
    error_code ec;
    const auto ip = asio::ip::make_address(address.toStdString(), ec);
    if (ec)
        return bindFailed(address, port, ec);
    const tcp::endpoint endpoint(ip, port);
    m_acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        m_acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        m_acceptor.bind(endpoint, ec);
    if (!ec)
        m_acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return bindFailed(address, port, ec);
    return {};
}

quint16 Listener::port() const
{
    error_code ec;
    return m_acceptor.local_endpoint(ec).port();
}

void Listener::start()
{
    asio::co_spawn(*m_contexts.front(), acceptLoop(), asio::detached);
}

void Listener::close()
{
    asio::post(*m_contexts.front(), [this] {
        error_code ignored;
        m_acceptor.close(ignored);
    });
}

asio::awaitable<void> Listener::acceptLoop()
{
    for (;;) {
        error_code ec;
        asio::io_context &target = *m_contexts[m_nextContext++ % m_contexts.size()];
        tcp::socket socket = co_await m_acceptor.async_accept(target, awaitableWith(ec));
        if (ec == asio::error::operation_aborted || !m_acceptor.is_open())
            co_return;
        if (!ec) {
            launch(std::move(socket));
            continue;
        }
        qCWarning(lcHttp) << "accept failed:" << ec.message().c_str();
        asio::steady_timer pause(*m_contexts.front(), acceptRetryDelay);
        co_await pause.async_wait(awaitableWith(ec));
    }
}

void Listener::launch(tcp::socket socket)
{
    error_code ec;
    const tcp::endpoint remote = socket.remote_endpoint(ec);
    if (ec)
        return;
    const QHostAddress peer =
        TrustedProxies::canonical(QHostAddress(QString::fromStdString(remote.address().to_string())));
    auto slot = m_limiter.tryAcquire(peer, m_proxies.isTrusted(peer));
    if (!slot) {
        m_refusal.refuse(std::move(socket), peer, m_tls == nullptr);
        return;
    }
    socket.set_option(tcp::no_delay(true), ec);
    if (m_tls)
        spawn(TlsStream(std::move(socket), m_tls->context()), std::move(*slot), peer);
    else
        spawn(std::move(socket), std::move(*slot), peer);
}

template<typename Stream>
void Listener::spawn(Stream stream, ConnectionLimiter::Slot slot, const QHostAddress &peer)
{
    const auto executor = stream.get_executor();
    auto connection = std::make_unique<Connection<Stream>>(std::move(stream), m_context, std::move(slot), peer);
    asio::co_spawn(executor, Connection<Stream>::serve(std::move(connection)), logEscapedException);
}

} // namespace ddd::agent::http
