// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/serverruntime.h"

#include "agent/http/httplogging.h"

#include <csignal>

namespace ddd::agent::http {

using core::Status;

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
    if (Status loaded = loadTls(); !loaded)
        return loaded;
    // With httpsPort the main listener stays plain; TLS gets its own.
    TlsContext *tls = options.httpsPort ? nullptr : m_tls.get();
    m_listener.emplace(contexts(), m_connectionContext, m_shared.limiter, m_shared.proxies, tls);
    if (auto listening = m_listener->listen(options.address, options.port); !listening)
        return listening;
    if (options.httpsPort && !m_tls->certificates()->isEmpty())
        if (Status listening = startTlsListener(); !listening)
            return listening;
    m_listener->start();
    for (const auto &io : m_ios) {
        m_ioWork.push_back(asio::make_work_guard(*io));
        m_ioThreads.emplace_back([context = io.get()] { context->run(); });
    }
    qCInfo(lcHttp).noquote() << "listening on" << options.address << port() << (tls ? "(TLS)" : "");
    return {};
}

std::vector<asio::io_context *> ServerRuntime::contexts() const
{
    std::vector<asio::io_context *> contexts;
    for (const auto &io : m_ios)
        contexts.push_back(io.get());
    return contexts;
}

CertificateStore::Loaded ServerRuntime::loadCertificates() const
{
    const ServerOptions &options = m_shared.options;
    return CertificateStore::load({options.tlsCertFile, options.tlsKeyFile,
                                   options.httpsPort ? options.certificateDirectory : QString()},
                                  m_tls->policy());
}

// The operator's own pair failing at start-up stops the server: a typo in
// tls.cert_file should not quietly serve without it.
Status ServerRuntime::loadTls()
{
    const ServerOptions &options = m_shared.options;
    if (!options.httpsPort && options.tlsCertFile.isEmpty() && options.tlsKeyFile.isEmpty())
        return {};
    m_tls = std::make_unique<TlsContext>(TlsPolicy{options.tls13Only, options.limits.http2.enabled});
    CertificateStore::Loaded loaded = loadCertificates();
    if (loaded.defaultFailure)
        return *loaded.defaultFailure;
    m_tls->setCertificates(std::move(loaded.store));
    return {};
}

// Called before the I/O threads run (start) or from any thread while they
// do (reload): the acceptor is set up here and used only once start() has
// handed it to its I/O context.
Status ServerRuntime::startTlsListener()
{
    const ServerOptions &options = m_shared.options;
    const std::lock_guard lock(m_tlsListenerMutex);
    if (m_tlsListener || m_draining)
        return {};
    m_tlsListener.emplace(contexts(), m_connectionContext, m_shared.limiter, m_shared.proxies, m_tls.get());
    if (auto listening = m_tlsListener->listen(options.address, *options.httpsPort); !listening) {
        m_tlsListener.reset();
        return listening;
    }
    m_tlsListener->start();
    m_httpsPort = m_tlsListener->port();
    qCInfo(lcHttp).noquote() << "listening on" << options.address << m_httpsPort.load() << "(TLS)";
    return {};
}

bool ServerRuntime::certificateCovers(const QString &host) const
{
    const auto store = m_tls ? m_tls->certificates() : nullptr;
    return store && store->covers(host);
}

Status ServerRuntime::reloadCertificates()
{
    if (!m_tls)
        return {};
    CertificateStore::Loaded loaded = loadCertificates();
    if (loaded.defaultFailure) {
        qCWarning(lcHttp).noquote() << "certificate reload: the default pair is skipped:"
                                    << loaded.defaultFailure->code << loaded.defaultFailure->message;
        // A listener with that pair alone keeps serving the one it has.
        if (!m_shared.options.httpsPort)
            return {};
    }
    const bool any = !loaded.store->isEmpty();
    qCInfo(lcHttp).noquote() << "certificates reloaded:" << loaded.store->size() << "in service,"
                             << loaded.skipped.size() << "skipped";
    m_tls->setCertificates(std::move(loaded.store));
    if (m_shared.options.httpsPort && any)
        return startTlsListener();
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
    {
        // A reload from now on opens no TLS listener.
        const std::lock_guard lock(m_tlsListenerMutex);
        m_draining = true;
        if (m_tlsListener)
            m_tlsListener->close();
    }
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
