// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/asiostreams.h"
#include "agent/http/connectioncontext.h"
#include "agent/http/deadline.h"
#include "agent/http/http2session.h"
#include "agent/http/requestheadbuilder.h"

#include <boost/asio/steady_timer.hpp>

#include <QHostAddress>

#include <memory>
#include <optional>

namespace ddd::agent::http {

// An HTTP/2 connection over our own Asio transport: one coroutine reads and
// feeds Http2Session, one writes what it produces, and each request stream
// gets a coroutine that goes through the same RequestHandler, RequestPlan
// and Response as HTTP/1.1 (one pipeline, two framings). Request bodies are
// taken as the serving coroutine consumes them, so the windows (not the
// client) bound what one connection can make us hold in memory.
template<typename Stream>
class Http2Connection final : public Http2Session::Listener,
                              public std::enable_shared_from_this<Http2Connection<Stream>>
{
public:
    // `received`: bytes already read that belong to HTTP/2 (a preface sent
    // with prior knowledge), fed in first.
    Http2Connection(Stream &stream, ConnectionContext &context, const QHostAddress &peer, QByteArray received);
    ~Http2Connection() override;

    // Serves until either side ends the connection. The stream must stay
    // open until this returns; stream coroutines may outlive it but touch
    // only the session then.
    asio::awaitable<void> run();
    // The server is shutting down: GOAWAY naming the last stream taken; the
    // open streams finish, then the connection ends. Idempotent.
    void goAway();

private:
    using Clock = Deadline::Clock;

    void onRequest(std::shared_ptr<Http2Stream> stream) override;
    void onStreamClosed(Http2Stream &stream) override;

    asio::awaitable<void> readLoop();
    asio::awaitable<void> writeLoop();
    asio::awaitable<bool> flush(std::vector<std::uint8_t> &out);
    asio::awaitable<void> serve(std::shared_ptr<Http2Stream> stream);
    asio::awaitable<void> exchange(Http2Stream &stream, asio::steady_timer &signal);
    asio::awaitable<core::Status> readBodyAfterContinue(Http2Stream &stream, RequestPlan &plan, Request &request,
                                                        asio::steady_timer &signal);
    asio::awaitable<core::Status> readBody(Http2Stream &stream, RequestPlan &plan, Request &request,
                                           asio::steady_timer &signal);
    asio::awaitable<core::Status> deliver(BodySink *sink, Request &request, QByteArray chunk);
    asio::awaitable<void> settleSink(BodySink *sink, bool ok, core::Status &status);
    asio::awaitable<RequestPlan> planFor(Request &request);
    asio::awaitable<Response> respondFor(RequestPlan &plan, Request &request);
    core::Result<Request> buildRequest(Http2Stream &stream);
    void discardBody(Http2Stream &stream);
    void answer(Http2Stream &stream, Response response);
    void watchLiveBody(Http2Stream &stream);
    void wakeWriter();

    Stream &m_stream;
    ConnectionContext &m_context;
    const QString m_peerText;
    RequestHeadBuilder::ConnectionState m_connection;
    Http2Session m_session;
    QByteArray m_received;
    asio::steady_timer m_writerWake;
    asio::steady_timer m_writerDone;
    std::optional<Deadline> m_readDeadline;
    std::optional<Deadline> m_writeDeadline;
    bool m_wakePending = false;
    bool m_readDone = false;
    bool m_writeDone = false;
    bool m_goingAway = false;
};

} // namespace ddd::agent::http
