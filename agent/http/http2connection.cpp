// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/http2connection.h"

#include "agent/http/drainsignal.h"
#include "agent/http/errorresponse.h"
#include "agent/http/handlerfailure.h"
#include "agent/http/httplogging.h"
#include "agent/http/workerpool.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>

#include <nghttp2/nghttp2.h>

#include <array>

namespace ddd::agent::http {

namespace {

// Frames written per socket write: enough for several DATA frames, small
// enough that a connection holds little while its client reads slowly.
constexpr std::size_t writeBudget = 64 * 1024;
constexpr std::size_t readSize = 16 * 1024;

core::Error refusal(const char16_t *code, const char16_t *message)
{
    return core::Error::make(QString::fromUtf16(code), QString::fromUtf16(message));
}

} // namespace

template<typename Stream>
Http2Connection<Stream>::Http2Connection(Stream &stream, ConnectionContext &context, const QHostAddress &peer,
                                         QByteArray received)
    : m_stream(stream),
      m_context(context),
      m_peerText(peer.toString()),
      m_connection(context.headBuilder.connectionFrom(peer, isTlsStream<Stream>)),
      m_session(context.limits, *this),
      m_received(std::move(received)),
      m_writerWake(stream.get_executor(), Clock::time_point::max()),
      m_writerDone(stream.get_executor(), Clock::time_point::max())
{
    m_readDeadline.emplace(socketOf(m_stream));
    m_writeDeadline.emplace(socketOf(m_stream));
}

template<typename Stream>
Http2Connection<Stream>::~Http2Connection() = default;

template<typename Stream>
asio::awaitable<void> Http2Connection<Stream>::run()
{
    if (m_session.start()) {
        if (m_context.drain.draining())
            goAway();
        asio::co_spawn(m_stream.get_executor(),
                       [self = this->shared_from_this()] { return self->writeLoop(); }, asio::detached);
        co_await readLoop();
        error_code ignored;
        while (!m_writeDone) {
            m_writerDone.expires_at(Clock::time_point::max());
            co_await m_writerDone.async_wait(awaitableWith(ignored));
        }
    }
    // The socket dies with the caller; nothing may cancel it after this.
    m_readDeadline.reset();
    m_writeDeadline.reset();
}

template<typename Stream>
asio::awaitable<void> Http2Connection<Stream>::readLoop()
{
    bool open = m_received.isEmpty()
        || m_session.receive(reinterpret_cast<const std::uint8_t *>(m_received.constData()),
                             std::size_t(m_received.size()));
    m_received.clear();
    wakeWriter();
    std::array<std::uint8_t, readSize> buffer;
    const ServerLimits &limits = m_context.limits;
    while (open && !m_writeDone && m_session.wantsRead()) {
        // Idle with no stream open: the keep-alive timeout, as on HTTP/1.1;
        // with streams open the client must keep the connection moving.
        const bool idle = m_session.openStreams() == 0;
        m_readDeadline->expireAfter(idle ? limits.keepAliveTimeout : limits.bodyProgress.idleTimeout);
        error_code ec;
        const std::size_t read = co_await m_stream.async_read_some(asio::buffer(buffer), awaitableWith(ec));
        if (ec) {
            if (m_readDeadline->expired() && !m_writeDone)
                m_session.terminate(NGHTTP2_NO_ERROR);
            break;
        }
        open = m_session.receive(buffer.data(), read);
        wakeWriter();
    }
    m_readDone = true;
    wakeWriter();
}

template<typename Stream>
asio::awaitable<void> Http2Connection<Stream>::writeLoop()
{
    std::vector<std::uint8_t> out;
    out.reserve(writeBudget + 16 * 1024);
    error_code ignored;
    for (;;) {
        out.clear();
        if (!m_session.produce(out, writeBudget))
            break;
        if (!out.empty()) {
            if (!co_await flush(out))
                break;
            continue;
        }
        if (m_readDone || (!m_session.wantsWrite() && !m_session.wantsRead()))
            break;
        if (!m_wakePending) {
            m_writerWake.expires_at(Clock::time_point::max());
            co_await m_writerWake.async_wait(awaitableWith(ignored));
        }
        m_wakePending = false;
    }
    m_writeDone = true;
    socketOf(m_stream).cancel(ignored); // ends a read still waiting
    m_writerDone.cancel();
}

template<typename Stream>
asio::awaitable<bool> Http2Connection<Stream>::flush(std::vector<std::uint8_t> &out)
{
    m_writeDeadline->expireAfter(m_context.limits.writeTimeout);
    error_code ec;
    co_await asio::async_write(m_stream, asio::buffer(out), awaitableWith(ec));
    m_writeDeadline->expireAt(Clock::time_point::max());
    // A client reading a long answer may have nothing to say meanwhile.
    if (!ec && m_session.openStreams() > 0)
        m_readDeadline->expireAfter(m_context.limits.bodyProgress.idleTimeout);
    co_return !ec;
}

template<typename Stream>
void Http2Connection<Stream>::goAway()
{
    if (std::exchange(m_goingAway, true))
        return;
    m_session.goAway();
    wakeWriter();
}

template<typename Stream>
void Http2Connection<Stream>::wakeWriter()
{
    m_wakePending = true;
    m_writerWake.cancel();
}

template<typename Stream>
void Http2Connection<Stream>::onRequest(std::shared_ptr<Http2Stream> stream)
{
    stream->record.clientAddress = m_peerText;
    asio::co_spawn(m_stream.get_executor(),
                   [self = this->shared_from_this(), stream] { return self->serve(stream); }, asio::detached);
}

template<typename Stream>
asio::awaitable<void> Http2Connection<Stream>::serve(std::shared_ptr<Http2Stream> stream)
{
    asio::steady_timer signal(m_writerWake.get_executor(), Clock::time_point::max());
    stream->wake = [&signal] { signal.cancel(); };
    try {
        co_await exchange(*stream, signal);
    } catch (...) {
        handlerFailure(std::current_exception(), "HTTP/2 stream");
        m_session.reset(*stream, NGHTTP2_INTERNAL_ERROR);
    }
    stream->wake = nullptr;
    wakeWriter();
}

template<typename Stream>
asio::awaitable<void> Http2Connection<Stream>::exchange(Http2Stream &stream, asio::steady_timer &signal)
{
    core::Result<Request> built = buildRequest(stream);
    if (!built) {
        discardBody(stream);
        stream.record.routeLabel = built.error().code;
        answer(stream, errorResponse(built.error()));
        co_return;
    }
    Request &request = *built;
    RequestPlan plan = co_await planFor(request);
    stream.record.host = plan.metricsHost;
    stream.record.routeLabel = plan.routeLabel.isEmpty() ? u"unmatched"_qs : plan.routeLabel;
    if (plan.answer || !plan.respond) {
        core::Status ignored;
        co_await settleSink(plan.sink.get(), false, ignored);
        discardBody(stream);
        answer(stream, plan.answer ? std::move(*plan.answer)
                                    : errorResponse(refusal(u"internal", u"plan without respond")));
        co_return;
    }
    if (plan.ignoresBody) {
        discardBody(stream);
    } else if (const core::Status body = co_await readBodyAfterContinue(stream, plan, request, signal); !body) {
        discardBody(stream);
        if (!stream.closed)
            answer(stream, errorResponse(body.error()));
        co_return;
    }
    Response response = co_await respondFor(plan, request);
    answer(stream, std::move(response));
}

// A client that asked to hear 100 (Continue) first gets it now that the
// plan accepted the request, instead of waiting out its own timer.
template<typename Stream>
asio::awaitable<core::Status> Http2Connection<Stream>::readBodyAfterContinue(Http2Stream &stream, RequestPlan &plan,
                                                                             Request &request,
                                                                             asio::steady_timer &signal)
{
    if (request.headers.contains("Expect") && !stream.requestEnded && stream.pendingBody.isEmpty()) {
        m_session.sendContinue(stream);
        wakeWriter();
    }
    co_return co_await readBody(stream, plan, request, signal);
}

// From now on DATA of this stream is counted and given back to the
// windows at once, never kept.
template<typename Stream>
void Http2Connection<Stream>::discardBody(Http2Stream &stream)
{
    stream.ignoreBody = true;
    m_session.consumed(stream, std::size_t(std::exchange(stream.pendingBody, {}).size()));
}

template<typename Stream>
core::Result<Request> Http2Connection<Stream>::buildRequest(Http2Stream &stream)
{
    stream.record.path = QString::fromUtf8(stream.path);
    stream.record.headers = &stream.headers;
    if (stream.headerTooLarge)
        return refusal(u"http.header_too_large", u"request header fields too large");
    if (stream.path.size() > m_context.limits.maxTargetBytes)
        return refusal(u"http.target_too_long", u"request target too long");
    Headers headers = stream.headers;
    // :authority stands in for Host (RFC 9113 §8.3.1); split cookies are one
    // field again (§8.2.3), as the pipeline reads them.
    if (!stream.authority.isEmpty()) {
        headers.remove("Host");
        headers.add("Host", stream.authority);
    }
    if (headers.count("Cookie") > 1) {
        const QByteArray joined = headers.values("Cookie").join("; ");
        headers.set("Cookie", joined);
    }
    auto request = m_context.headBuilder.build(stream.method, stream.path, 11, std::move(headers), m_connection);
    if (request) {
        stream.record.clientAddress = request->clientAddress;
        stream.record.requestHost = request->host;
        stream.record.path = request->path;
    }
    return request;
}

template class Http2Connection<PlainStream>;
template class Http2Connection<TlsStream>;

} // namespace ddd::agent::http
