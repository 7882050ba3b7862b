// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Http2Connection, second part: a stream's plan, body and answer.
#include "agent/http/http2connection.h"

#include "agent/http/bodyprogress.h"
#include "agent/http/errorresponse.h"
#include "agent/http/handlerfailure.h"
#include "agent/http/workerpool.h"

#include <boost/asio/post.hpp>

namespace ddd::agent::http {

namespace {

constexpr int clientGoneStatus = 499;

core::Error bodyTooLarge()
{
    return core::Error::make(u"http.body_too_large"_qs, u"request body too large"_qs);
}

RequestPlan planNow(RequestHandler &handler, Request &request)
{
    try {
        return handler.plan(request);
    } catch (...) {
        RequestPlan plan;
        plan.answer = errorResponse(handlerFailure(std::current_exception(), "RequestHandler::plan"));
        return plan;
    }
}

Response respondNow(RequestPlan &plan, Request &request)
{
    try {
        return plan.respond(request);
    } catch (...) {
        return errorResponse(handlerFailure(std::current_exception(), "RequestPlan::respond"));
    }
}

} // namespace

template<typename Stream>
asio::awaitable<RequestPlan> Http2Connection<Stream>::planFor(Request &request)
{
    if (m_context.handler.plansInline())
        co_return planNow(m_context.handler, request);
    RequestPlan plan;
    co_await m_context.workers.run([&] { plan = planNow(m_context.handler, request); });
    co_return plan;
}

template<typename Stream>
asio::awaitable<Response> Http2Connection<Stream>::respondFor(RequestPlan &plan, Request &request)
{
    if (plan.inlineSafe)
        co_return respondNow(plan, request);
    Response response;
    co_await m_context.workers.run([&] { response = respondNow(plan, request); });
    co_return response;
}

// The body as DATA frames bring it, each piece given back to the windows
// once the sink (or Request::body) has it. The stream is held to the same
// progress rules as an HTTP/1.1 body (BodyProgress): other streams keeping
// the connection busy must not let one drip forever.
template<typename Stream>
asio::awaitable<core::Status> Http2Connection<Stream>::readBody(Http2Stream &stream, RequestPlan &plan,
                                                                Request &request, asio::steady_timer &signal)
{
    const qint64 limit = std::max<qint64>(0, plan.bodyLimit);
    BodyProgress progress(m_context.limits.bodyProgress, BodyProgress::Clock::now());
    core::Status status;
    if (request.headers.value("Content-Length", "0").toLongLong() > limit)
        status = bodyTooLarge();
    while (status) {
        if (stream.closed) {
            status = core::Error::make(u"http.client_gone"_qs, u"stream reset during the body"_qs);
        } else if (!stream.pendingBody.isEmpty()) {
            QByteArray chunk = std::exchange(stream.pendingBody, {});
            const std::size_t size = std::size_t(chunk.size());
            progress.received(qint64(size), BodyProgress::Clock::now());
            if (stream.bodyReceived > limit) {
                m_session.consumed(stream, size);
                status = bodyTooLarge();
                break;
            }
            status = co_await deliver(plan.sink.get(), request, std::move(chunk));
            m_session.consumed(stream, size);
            wakeWriter();
        } else if (stream.requestEnded) {
            break;
        } else if (const auto broken = progress.brokenRule(BodyProgress::Clock::now())) {
            status = core::Error::make(u"http.body_timeout"_qs, u"request body not received in time: "_qs + *broken);
        } else {
            error_code ignored;
            signal.expires_at(progress.deadline());
            co_await signal.async_wait(awaitableWith(ignored));
        }
    }
    co_await settleSink(plan.sink.get(), bool(status), status);
    co_return status;
}

template<typename Stream>
asio::awaitable<core::Status> Http2Connection<Stream>::deliver(BodySink *sink, Request &request, QByteArray chunk)
{
    request.bodyBytes += chunk.size();
    if (!sink) {
        request.body.append(chunk);
        co_return core::Status{};
    }
    core::Status status;
    co_await m_context.workers.run([&] { status = sink->write(chunk.constData(), std::size_t(chunk.size())); });
    co_return status;
}

template<typename Stream>
asio::awaitable<void> Http2Connection<Stream>::settleSink(BodySink *sink, bool ok, core::Status &status)
{
    if (!sink)
        co_return;
    try {
        if (ok)
            co_await m_context.workers.run([&] { status = sink->finish(); });
        else
            co_await m_context.workers.run([sink] { sink->abort(); });
    } catch (...) {
        status = handlerFailure(std::current_exception(), "BodySink");
    }
}

template<typename Stream>
void Http2Connection<Stream>::answer(Http2Stream &stream, Response response)
{
    stream.record.errorCode = response.errorCode;
    stream.record.projectId = response.projectId;
    stream.record.versionNumber = response.versionNumber;
    stream.record.status = m_session.respond(stream, std::move(response), stream.method != "HEAD");
    if (stream.body.live)
        watchLiveBody(stream);
    wakeWriter();
}

// A live body (Server-Sent Events) wakes us from any thread: the wake hops
// to this connection's thread and resumes the deferred DATA there.
template<typename Stream>
void Http2Connection<Stream>::watchLiveBody(Http2Stream &stream)
{
    std::weak_ptr<Http2Connection> connection = this->shared_from_this();
    std::weak_ptr<Http2Stream> weakStream = stream.self;
    auto executor = m_writerWake.get_executor();
    stream.body.live->setWake([connection, weakStream, executor] {
        asio::post(executor, [connection, weakStream] {
            const auto self = connection.lock();
            const auto target = weakStream.lock();
            if (!self || !target)
                return;
            self->m_session.resume(*target);
            self->wakeWriter();
        });
    });
}

template<typename Stream>
void Http2Connection<Stream>::onStreamClosed(Http2Stream &stream)
{
    if (!m_context.observer)
        return;
    RequestRecord record = std::move(stream.record);
    const std::chrono::duration<double> elapsed = Clock::now() - stream.start;
    if (record.routeLabel.isEmpty())
        record.routeLabel = u"unmatched"_qs;
    record.method = stream.method;
    record.status = stream.responded && record.status ? record.status : clientGoneStatus;
    record.seconds = elapsed.count();
    record.bytesSent = stream.bytesSent;
    record.protocol = QByteArrayLiteral("HTTP/2.0");
    record.secure = isTlsStream<Stream>;
    m_context.observer(record);
}

template class Http2Connection<PlainStream>;
template class Http2Connection<TlsStream>;

} // namespace ddd::agent::http
