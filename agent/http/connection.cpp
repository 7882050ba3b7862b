// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/connection.h"

#include "agent/http/errorresponse.h"
#include "agent/http/handlerfailure.h"
#include "agent/http/http2connection.h"
#include "agent/http/httplogging.h"
#include "agent/http/plainhttpprobe.h"
#include "agent/http/workerpool.h"

#include <boost/asio/post.hpp>

#include <openssl/ssl.h>

#include <array>
#include <string_view>
#include <utility>

namespace ddd::agent::http {

namespace {

const QString clientGone = u"http.client_gone"_qs;
// nginx's "client closed request": reported, never sent.
constexpr int clientGoneStatus = 499;
constexpr qint64 maxDrainBytes = 1024 * 1024;

QString labelOf(const RequestPlan &plan)
{
    return plan.routeLabel.isEmpty() ? u"unmatched"_qs : plan.routeLabel;
}

core::Error bodyTooLarge()
{
    return core::Error::make(u"http.body_too_large"_qs, u"request body too large"_qs);
}

} // namespace

template<typename Stream>
Connection<Stream>::Connection(Stream stream, ConnectionContext &context, ConnectionLimiter::Slot slot,
                               QHostAddress peer)
    : m_stream(std::move(stream)),
      m_context(context),
      m_slot(std::move(slot)),
      m_peer(std::move(peer)),
      m_deadline(socketOf(m_stream)),
      m_heads(m_stream, m_buffer, m_deadline, m_context, m_peer),
      m_bodies(m_stream, m_buffer, m_deadline, m_context.workers, m_context.limits.bodyProgress),
      m_writer(m_stream, m_deadline, m_context.limits),
      m_streams(m_stream, m_deadline, m_context.limits),
      m_peerText(m_peer.toString())
{
    m_drainRegistration = context.drain.add(
        [this, alive = std::weak_ptr<char>(m_lifetime), executor = m_stream.get_executor()] {
            asio::post(executor, [this, alive] {
                if (alive.lock())
                    onDrain();
            });
        });
}

template<typename Stream>
asio::awaitable<void> Connection<Stream>::serve(std::unique_ptr<Connection> connection)
{
    co_await connection->run();
}

template<typename Stream>
asio::awaitable<void> Connection<Stream>::run()
{
    bool open = co_await handshake();
    if (open && negotiatedHttp2()) {
        co_await serveHttp2({});
        open = false;
    }
    while (open)
        open = co_await serveRequest();
    co_await close();
}

template<typename Stream>
asio::awaitable<bool> Connection<Stream>::handshake()
{
    if constexpr (isTlsStream<Stream>) {
        m_deadline.expireAfter(m_context.limits.headerTimeout);
        const auto first = co_await PlainHttpProbe::peek(socketOf(m_stream));
        if (first == PlainHttpProbe::Verdict::PlainHttp)
            co_await answerPlainHttp();
        if (first != PlainHttpProbe::Verdict::Tls)
            co_return false;
        error_code ec;
        co_await m_stream.async_handshake(asio::ssl::stream_base::server, awaitableWith(ec));
        co_return !ec;
    } else {
        co_return true;
    }
}

template<typename Stream>
asio::awaitable<bool> Connection<Stream>::serveRequest()
{
    if (draining() && m_buffer.size() == 0)
        co_return false;
    const Clock::time_point waitStart = Clock::now();
    m_awaitingRequest = true;
    const bool started = co_await m_heads.awaitRequest(waitStart);
    m_awaitingRequest = false;
    if (!started)
        co_return false;
    m_requestStart = Clock::now();
    m_metricsHost.clear();
    m_logged = RequestRecord{};
    m_logged.clientAddress = m_peerText;
    core::Result<Request> request = co_await m_heads.read(waitStart);
    const bool firstOnConnection = std::exchange(m_firstRequest, false);
    if (request)
        co_return co_await exchange(*request);
    if (request.error().code == u"http.h2_preface"_qs) {
        // Prior knowledge opens a connection (RFC 9113 §3.3). After an
        // HTTP/1.1 exchange the same bytes are a request line of a version
        // this connection does not speak, never a switch of framing.
        if (m_context.limits.http2.enabled && firstOnConnection) {
            const auto bytes = m_buffer.data();
            co_await serveHttp2(QByteArray(static_cast<const char *>(bytes.data()), qsizetype(bytes.size())));
            co_return false;
        }
        const QString why = firstOnConnection ? u"HTTP/2 is turned off on this listener"_qs
                                              : u"the HTTP/2 preface must open the connection"_qs;
        co_return co_await refuse(core::Error::make(u"http.version_not_supported"_qs, why), {},
                                  u"http.version_not_supported"_qs);
    }
    if (request.error().code != clientGone)
        co_await refuse(request.error(), m_heads.method(), request.error().code);
    co_return false;
}

template<typename Stream>
bool Connection<Stream>::negotiatedHttp2()
{
    if constexpr (isTlsStream<Stream>) {
        const unsigned char *protocol = nullptr;
        unsigned int length = 0;
        SSL_get0_alpn_selected(m_stream.native_handle(), &protocol, &length);
        return std::string_view(reinterpret_cast<const char *>(protocol), protocol ? length : 0) == "h2";
    } else {
        return false;
    }
}

// Both framings share this connection's socket, slot and handler; HTTP/2
// keeps the connection until it ends.
template<typename Stream>
asio::awaitable<void> Connection<Stream>::serveHttp2(QByteArray received)
{
    // The handshake's or the head's deadline no longer applies: HTTP/2
    // keeps its own.
    m_deadline.expireAt(Clock::time_point::max());
    auto session = std::make_shared<Http2Connection<Stream>>(m_stream, m_context, m_peer, std::move(received));
    m_http2 = session;
    co_await session->run();
    // Drain what the client still sends, or the kernel's reset could
    // destroy a GOAWAY in flight.
    m_lingerOnClose = true;
}

template<typename Stream>
asio::awaitable<bool> Connection<Stream>::exchange(Request &request)
{
    const RequestHeadParser &parser = m_heads.parser();
    const bool keepAlive = parser.keep_alive();
    noteRequest(request);
    // Not a conditional expression: GCC 12 mishandles co_await inside one.
    RequestPlan plan;
    if (m_context.handler.plansInline())
        plan = planNow(request);
    else
        plan = co_await planOnWorker(request);
    m_metricsHost = plan.metricsHost;
    if (plan.answer || !plan.respond) {
        co_await abortSink(plan);
        Response answer = plan.answer ? std::move(*plan.answer)
                                      : errorResponse(core::Error::make(u"internal"_qs, u"plan without respond"_qs));
        // A body we will not read leaves the framing unknown: close.
        co_return co_await send(std::move(answer), request.method, labelOf(plan), keepAlive && parser.is_done());
    }
    if (plan.ignoresBody && !parser.is_done()) {
        // Answered without reading the body (no 100 Continue either): its
        // framing stays unread, so the connection closes after the answer.
        Response response = co_await respondFor(plan, request);
        co_return co_await send(std::move(response), request.method, labelOf(plan), false);
    }
    const auto declaredLength = parser.content_length();
    if (declaredLength && *declaredLength > std::uint64_t(std::max<qint64>(0, plan.bodyLimit))) {
        co_await abortSink(plan);
        co_return co_await refuse(bodyTooLarge(), request.method, labelOf(plan));
    }
    const bool expectsContinue = m_heads.version() == 11 && request.headers.contains("Expect");
    if (expectsContinue && !parser.is_done()) {
        const bool continued = co_await m_writer.writeContinue();
        if (!continued) {
            co_await abortSink(plan);
            co_return false;
        }
    }
    co_return co_await readBodyAndRespond(plan, request, keepAlive);
}

template<typename Stream>
asio::awaitable<bool> Connection<Stream>::readBodyAndRespond(RequestPlan &plan, Request &request, bool keepAlive)
{
    // Most requests have no body and no sink: nothing to wait for.
    if (!m_heads.parser().is_done() || plan.sink) {
        const core::Status body = co_await m_bodies.read(m_heads.parser(), m_heads.headBeforeBody(), plan.bodyLimit,
                                                         plan.sink.get(), request);
        if (!body) {
            if (body.error().code == clientGone) {
                report(labelOf(plan), request.method, clientGoneStatus);
                co_return false;
            }
            co_return co_await refuse(body.error(), request.method, labelOf(plan));
        }
    }
    Response response;
    if (plan.inlineSafe)
        response = respondNow(plan, request);
    else
        response = co_await respondOnWorker(plan, request);
    co_return co_await send(std::move(response), request.method, labelOf(plan), keepAlive);
}

template<typename Stream>
RequestPlan Connection<Stream>::planNow(Request &request)
{
    try {
        return m_context.handler.plan(request);
    } catch (...) {
        RequestPlan plan;
        plan.answer = errorResponse(handlerFailure(std::current_exception(), "RequestHandler::plan"));
        return plan;
    }
}

template<typename Stream>
asio::awaitable<RequestPlan> Connection<Stream>::planOnWorker(Request &request)
{
    RequestPlan plan;
    co_await m_context.workers.run([&] { plan = planNow(request); });
    co_return plan;
}

template<typename Stream>
Response Connection<Stream>::respondNow(RequestPlan &plan, Request &request)
{
    try {
        return plan.respond(request);
    } catch (...) {
        return errorResponse(handlerFailure(std::current_exception(), "RequestPlan::respond"));
    }
}

template<typename Stream>
asio::awaitable<Response> Connection<Stream>::respondOnWorker(RequestPlan &plan, Request &request)
{
    Response response;
    co_await m_context.workers.run([&] { response = respondNow(plan, request); });
    co_return response;
}

template<typename Stream>
asio::awaitable<Response> Connection<Stream>::respondFor(RequestPlan &plan, Request &request)
{
    if (plan.inlineSafe)
        co_return respondNow(plan, request);
    co_return co_await respondOnWorker(plan, request);
}

template<typename Stream>
asio::awaitable<void> Connection<Stream>::abortSink(RequestPlan &plan)
{
    if (!plan.sink)
        co_return;
    try {
        co_await m_context.workers.run([&] { plan.sink->abort(); });
    } catch (...) {
        handlerFailure(std::current_exception(), "BodySink::abort");
    }
}

template<typename Stream>
asio::awaitable<bool> Connection<Stream>::refuse(const core::Error &error, const QByteArray &method,
                                                 const QString &label)
{
    qCDebug(lcHttp).noquote() << "refused" << error.code << "from" << m_peer.toString() << error.message;
    co_await send(errorResponse(error), method, label, false);
    co_return false;
}

template<typename Stream>
asio::awaitable<bool> Connection<Stream>::send(Response response, const QByteArray &method, const QString &label,
                                               bool keepAlive)
{
    noteResponse(response);
    if (response.stream) {
        // A streamed body ends with the connection.
        const auto streamed = co_await m_streams.write(std::move(response), method != "HEAD");
        report(label, method, streamed.status, streamed.bytes);
        m_lingerOnClose = streamed.delivered;
        co_return false;
    }
    keepAlive = keepAlive && !response.closeConnection && !draining();
    const ResponseSerializer::Framing framing{0, keepAlive, m_heads.version() == 10};
    const auto result = co_await m_writer.write(std::move(response), framing, method != "HEAD");
    report(label, method, result.status, result.bytes);
    m_lingerOnClose = !keepAlive && result.delivered;
    co_return result.delivered && keepAlive;
}

template<typename Stream>
asio::awaitable<void> Connection<Stream>::close()
{
    error_code ignored;
    if (m_lingerOnClose) {
        m_deadline.expireAfter(m_context.limits.lingerTimeout);
        if constexpr (isTlsStream<Stream>)
            co_await m_stream.async_shutdown(awaitableWith(ignored));
        else
            socketOf(m_stream).shutdown(tcp::socket::shutdown_send, ignored);
        co_await drain();
    }
    socketOf(m_stream).close(ignored);
}

// A client that spoke plain HTTP to the TLS port: one readable 400, then
// the connection closes as after any refusal (its request left unread).
template<typename Stream>
asio::awaitable<void> Connection<Stream>::answerPlainHttp()
{
    m_requestStart = Clock::now();
    m_logged = RequestRecord{};
    m_logged.clientAddress = m_peerText;
    m_logged.errorCode = QString::fromUtf16(PlainHttpProbe::errorCode);
    const qint64 written = co_await PlainHttpProbe::answer(socketOf(m_stream));
    report(m_logged.errorCode, {}, written > 0 ? 400 : clientGoneStatus, written);
    if (written > 0) {
        error_code ignored;
        m_deadline.expireAfter(m_context.limits.lingerTimeout);
        socketOf(m_stream).shutdown(tcp::socket::shutdown_send, ignored);
        co_await drain();
    }
}

template<typename Stream>
asio::awaitable<void> Connection<Stream>::drain()
{
    std::array<char, 4096> discarded;
    error_code ec;
    for (qint64 drained = 0; !ec && drained < maxDrainBytes && !m_deadline.expired();)
        drained += qint64(co_await socketOf(m_stream).async_read_some(asio::buffer(discarded), awaitableWith(ec)));
}

template<typename Stream>
void Connection<Stream>::onDrain()
{
    if (const auto http2 = m_http2.lock())
        http2->goAway();
    else if (m_awaitingRequest)
        m_deadline.expireAt(Clock::now());
}

template<typename Stream>
bool Connection<Stream>::draining() const
{
    return m_context.drain.draining();
}

template<typename Stream>
void Connection<Stream>::noteRequest(const Request &request)
{
    m_logged.clientAddress = request.clientAddress;
    m_logged.requestHost = request.host;
    m_logged.path = request.path;
    m_logged.headers = &request.headers;
}

template<typename Stream>
void Connection<Stream>::noteResponse(const Response &response)
{
    m_logged.errorCode = response.errorCode;
    m_logged.projectId = response.projectId;
    m_logged.versionNumber = response.versionNumber;
}

template<typename Stream>
void Connection<Stream>::report(const QString &label, const QByteArray &method, int status, qint64 bytesSent)
{
    if (!m_context.observer)
        return;
    const std::chrono::duration<double> elapsed = Clock::now() - m_requestStart;
    RequestRecord record = std::move(m_logged);
    record.routeLabel = label;
    record.method = method;
    record.status = status;
    record.seconds = elapsed.count();
    record.host = m_metricsHost;
    record.bytesSent = bytesSent;
    record.protocol = m_heads.version() == 10 ? QByteArrayLiteral("HTTP/1.0") : QByteArrayLiteral("HTTP/1.1");
    record.secure = isTlsStream<Stream>;
    m_context.observer(record);
}

template class Connection<PlainStream>;
template class Connection<TlsStream>;

} // namespace ddd::agent::http
