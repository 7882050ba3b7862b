// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/bodyreader.h"

#include "agent/http/deadline.h"
#include "agent/http/handlerfailure.h"
#include "agent/http/workerpool.h"

#include <boost/beast/http/read.hpp>

#include <limits>

namespace ddd::agent::http {

namespace bhttp = beast::http;

template<typename Stream>
BodyReader<Stream>::BodyReader(Stream &stream, beast::flat_buffer &buffer, Deadline &deadline,
                               WorkerPool &workers, const BodyProgress::Rules &progressRules)
    : m_stream(stream), m_buffer(buffer), m_deadline(deadline), m_workers(workers), m_progressRules(progressRules)
{
}

template<typename Stream>
asio::awaitable<core::Status> BodyReader<Stream>::read(const RequestHeadParser &head, std::string_view headBytes,
                                                       qint64 limit, BodySink *sink, Request &request)
{
    core::Status status = co_await transfer(head, headBytes, limit, sink, request);
    co_return co_await settle(sink, std::move(status));
}

template<typename Stream>
asio::awaitable<core::Status> BodyReader<Stream>::transfer(const RequestHeadParser &head, std::string_view headBytes,
                                                           qint64 limit, BodySink *sink, Request &request)
{
    if (head.is_done())
        co_return core::Status();
    // The same parser code over the same bytes: the head it already accepted.
    // Limits as the head parser had them; the body's own is set below, as
    // when Beast's parser was moved from the head's.
    BodyParser parser;
    parser.header_limit(std::numeric_limits<std::uint32_t>::max());
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    parser.eager(false);
    error_code headError;
    parser.put(asio::buffer(headBytes.data(), headBytes.size()), headError);
    if (headError || !parser.is_header_done())
        co_return core::Error::make(u"internal"_qs, u"the request head could not be parsed again for its body"_qs);
    parser.body_limit(static_cast<std::uint64_t>(std::max<qint64>(0, limit)));
    if (m_chunk.empty())
        m_chunk.resize(chunkSize);
    BodyProgress progress(m_progressRules, BodyProgress::Clock::now());
    while (!parser.is_done()) {
        parser.get().body().data = m_chunk.data();
        parser.get().body().size = m_chunk.size();
        const error_code ec = co_await readChunk(parser, progress);
        const std::size_t received = m_chunk.size() - parser.get().body().size;
        if (received > 0) {
            request.bodyBytes += qint64(received);
            core::Status delivered = co_await deliver(sink, request, received);
            if (!delivered)
                co_return delivered;
            // Counted once the sink has it: time the sink spends writing is
            // not the client's.
            progress.received(qint64(received), BodyProgress::Clock::now());
        }
        if (ec && ec != bhttp::error::need_buffer)
            co_return failure(ec, progress);
    }
    co_return core::Status();
}

template<typename Stream>
asio::awaitable<error_code> BodyReader<Stream>::readChunk(BodyParser &parser, const BodyProgress &progress)
{
    m_deadline.expireAt(progress.deadline());
    if (m_deadline.expired())
        co_return asio::error::timed_out;
    error_code ec;
    // Some bytes, not a full chunk: each arrival must count as progress, or a
    // slow but steady client would look idle until 64 KiB had come.
    co_await bhttp::async_read_some(m_stream, m_buffer, parser, awaitableWith(ec));
    if (ec == asio::error::operation_aborted && m_deadline.expired())
        ec = asio::error::timed_out;
    co_return ec;
}

template<typename Stream>
asio::awaitable<core::Status> BodyReader<Stream>::deliver(BodySink *sink, Request &request, std::size_t size)
{
    if (!sink) {
        request.body.append(m_chunk.data(), qsizetype(size));
        co_return core::Status();
    }
    core::Status status;
    try {
        co_await m_workers.run([&] { status = sink->write(m_chunk.data(), size); });
    } catch (...) {
        status = handlerFailure(std::current_exception(), "BodySink::write");
    }
    co_return status;
}

template<typename Stream>
asio::awaitable<core::Status> BodyReader<Stream>::settle(BodySink *sink, core::Status status)
{
    if (!sink)
        co_return status;
    try {
        if (status)
            co_await m_workers.run([&] { status = sink->finish(); });
        else
            co_await m_workers.run([sink] { sink->abort(); });
    } catch (...) {
        status = handlerFailure(std::current_exception(), "BodySink::finish/abort");
    }
    co_return status;
}

template<typename Stream>
core::Error BodyReader<Stream>::failure(const error_code &ec, const BodyProgress &progress)
{
    if (ec == bhttp::error::body_limit)
        return core::Error::make(u"http.body_too_large"_qs, u"request body too large"_qs);
    if (ec == asio::error::timed_out) {
        const std::optional<QString> rule = progress.brokenRule(BodyProgress::Clock::now());
        return core::Error::make(u"http.body_timeout"_qs,
                                 u"request body not received in time: "_qs + rule.value_or(u"deadline passed"_qs));
    }
    if (ec == bhttp::error::partial_message || ec == asio::error::eof || ec == asio::error::connection_reset
        || ec == asio::error::operation_aborted || ec.category() == asio::error::get_ssl_category())
        return core::Error::make(u"http.client_gone"_qs, u"client went away during the body"_qs);
    return core::Error::make(u"http.bad_framing"_qs, u"malformed request body framing"_qs);
}

template class BodyReader<PlainStream>;
template class BodyReader<TlsStream>;

} // namespace ddd::agent::http
