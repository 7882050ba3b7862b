// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/asiostreams.h"
#include "agent/http/bodyreader.h"
#include "agent/http/connectioncontext.h"
#include "agent/http/connectionlimiter.h"
#include "agent/http/deadline.h"
#include "agent/http/drainsignal.h"
#include "agent/http/headreader.h"
#include "agent/http/responsewriter.h"
#include "agent/http/streamwriter.h"

#include <QHostAddress>

#include <memory>

namespace ddd::agent::http {

template<typename Stream>
class Http2Connection;

// One client connection, served by one coroutine on its I/O thread: read a
// head, let the handler plan (on a worker, or inline when it never blocks),
// read the body it accepts, answer, and go round again while keep-alive holds. A refusal of the transport is
// answered once and ends the connection, so a request whose framing is in
// doubt can never smuggle in a second one.
template<typename Stream>
class Connection final
{
public:
    Connection(Stream stream, ConnectionContext &context, ConnectionLimiter::Slot slot, QHostAddress peer);

    // The coroutine that owns and serves `connection` until it closes.
    static asio::awaitable<void> serve(std::unique_ptr<Connection> connection);

private:
    using Clock = Deadline::Clock;

    asio::awaitable<void> run();
    asio::awaitable<bool> handshake();
    // TLS chose "h2" by ALPN.
    bool negotiatedHttp2();
    asio::awaitable<void> serveHttp2(QByteArray received);
    asio::awaitable<bool> serveRequest();
    asio::awaitable<bool> exchange(Request &request);
    asio::awaitable<bool> readBodyAndRespond(RequestPlan &plan, Request &request, bool keepAlive);
    // The handler on this thread when it says that is safe, else on a
    // worker; the inline case costs no coroutine frame.
    asio::awaitable<RequestPlan> planOnWorker(Request &request);
    asio::awaitable<Response> respondOnWorker(RequestPlan &plan, Request &request);
    asio::awaitable<Response> respondFor(RequestPlan &plan, Request &request);
    RequestPlan planNow(Request &request);
    Response respondNow(RequestPlan &plan, Request &request);
    asio::awaitable<void> abortSink(RequestPlan &plan);
    asio::awaitable<bool> refuse(const core::Error &error, const QByteArray &method, const QString &label);
    asio::awaitable<bool> send(Response response, const QByteArray &method, const QString &label, bool keepAlive);
    asio::awaitable<void> close();
    asio::awaitable<void> drain();
    void report(const QString &label, const QByteArray &method, int status, qint64 bytesSent = 0);
    // Access-log fields of the current request (RequestRecord), as it goes.
    void noteRequest(const Request &request);
    void noteResponse(const Response &response);
    asio::awaitable<void> answerPlainHttp();
    // The server is shutting down: end an idle wait at once, or tell the
    // HTTP/2 client with GOAWAY. Runs on this connection's thread.
    void onDrain();
    bool draining() const;

    Stream m_stream;
    ConnectionContext &m_context;
    ConnectionLimiter::Slot m_slot;
    QHostAddress m_peer;
    beast::flat_buffer m_buffer;
    Deadline m_deadline;
    HeadReader<Stream> m_heads;
    BodyReader<Stream> m_bodies;
    ResponseWriter<Stream> m_writer;
    StreamWriter<Stream> m_streams;
    Clock::time_point m_requestStart;
    QString m_metricsHost; // the current request's RequestPlan::metricsHost
    const QString m_peerText; // m_peer for the access log, formatted once
    RequestRecord m_logged;   // the current request's access-log fields, see report()
    // Set when we close after answering: unread request bytes are drained
    // first, or the kernel's reset could destroy our answer in flight.
    bool m_lingerOnClose = false;
    bool m_awaitingRequest = false; // idle between requests: a drain may end the wait
    bool m_firstRequest = true;     // only the first may be the HTTP/2 preface
    std::weak_ptr<Http2Connection<Stream>> m_http2;
    std::shared_ptr<char> m_lifetime = std::make_shared<char>(); // tells a queued onDrain we are gone
    DrainSignal::Registration m_drainRegistration; // last: unregisters first
};

} // namespace ddd::agent::http
