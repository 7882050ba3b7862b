// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/streamwriter.h"

#include "agent/http/deadline.h"
#include "agent/http/errorresponse.h"
#include "agent/http/httpdate.h"
#include "agent/http/responseserializer.h"
#include "agent/http/responsestream.h"

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>

#include <algorithm>
#include <atomic>

namespace ddd::agent::http {

namespace {

// Shared with the producer's wake function, which may outlive the
// connection: it only sets the flag and posts a cancel of the timer to the
// connection's own thread.
struct Signal
{
    explicit Signal(const asio::any_io_executor &executor) : timer(executor) {}
    asio::steady_timer timer;
    std::atomic<bool> pending{false};
};

} // namespace

template<typename Stream>
StreamWriter<Stream>::StreamWriter(Stream &stream, Deadline &deadline, const ServerLimits &limits)
    : m_stream(stream), m_deadline(deadline), m_limits(limits)
{
}

template<typename Stream>
asio::awaitable<typename StreamWriter<Stream>::Result> StreamWriter<Stream>::write(Response response, bool withBody)
{
    const std::shared_ptr<ResponseStream> producer = std::move(response.stream);
    const qint64 length = producer ? producer->length() : -1;
    const ResponseSerializer::Framing framing{std::max<qint64>(length, 0), false, false, length < 0};
    auto head = ResponseSerializer::head(response, framing, HttpDate::now());
    if (!head)
        co_return Result{false, 500, 0};
    const bool headSent = co_await send(*head);
    if (!headSent)
        co_return Result{false, response.status, 0};
    qint64 bytes = head->size();
    bool delivered = true;
    if (withBody && producer)
        delivered = co_await pump(*producer, bytes);
    co_return Result{delivered, response.status, bytes};
}

template<typename Stream>
asio::awaitable<bool> StreamWriter<Stream>::pump(ResponseStream &producer, qint64 &bytes)
{
    auto signal = std::make_shared<Signal>(socketOf(m_stream).get_executor());
    std::weak_ptr<Signal> weak = signal;
    producer.setWake([weak, executor = socketOf(m_stream).get_executor()] {
        if (auto alive = weak.lock()) {
            alive->pending = true;
            asio::post(executor, [weak] {
                if (auto target = weak.lock())
                    target->timer.cancel();
            });
        }
    });
    const std::chrono::milliseconds recheck = std::min<std::chrono::milliseconds>(producer.recheckAfter(), idleInterval);
    std::chrono::milliseconds idleFor{0};
    bool delivered = true;
    for (;;) {
        signal->pending = false;
        ResponseStream::Chunk chunk = producer.next();
        if (!chunk.data.isEmpty()) {
            delivered = co_await send(chunk.data);
            if (!delivered)
                break;
            bytes += chunk.data.size();
        }
        if (chunk.end) {
            delivered = delivered && !chunk.failed; // no linger: the client sees the body cut short
            break;
        }
        if (signal->pending)
            continue;
        signal->timer.expires_after(recheck);
        error_code ec;
        co_await signal->timer.async_wait(awaitableWith(ec));
        idleFor = ec ? std::chrono::milliseconds(0) : idleFor + recheck; // ec: woken
        if (idleFor >= idleInterval && !producer.idleBytes().isEmpty()) {
            idleFor = std::chrono::milliseconds(0);
            delivered = co_await send(producer.idleBytes());
            if (!delivered)
                break;
        }
    }
    producer.setWake({});
    co_return delivered;
}

template<typename Stream>
asio::awaitable<bool> StreamWriter<Stream>::send(const QByteArray &bytes)
{
    m_deadline.expireAfter(m_limits.writeTimeout);
    error_code ec;
    co_await asio::async_write(m_stream, asio::buffer(bytes.constData(), std::size_t(bytes.size())),
                               awaitableWith(ec));
    co_return !ec;
}

template class StreamWriter<PlainStream>;
template class StreamWriter<TlsStream>;

} // namespace ddd::agent::http
