// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/headreader.h"

#include "agent/http/headscanner.h"

#include <boost/beast/http/error.hpp>

#include <algorithm>
#include <limits>

namespace ddd::agent::http {

namespace {

constexpr std::size_t readSize = 16 * 1024;

core::Error refusal(const char16_t *code, const QString &message)
{
    return core::Error::make(QString::fromUtf16(code), message);
}

core::Error scannerRefusal(HeadScanner::Verdict verdict)
{
    switch (verdict) {
    case HeadScanner::Verdict::TargetTooLong:
        return refusal(u"http.target_too_long", u"request target too long"_qs);
    case HeadScanner::Verdict::HeaderTooLarge:
        return refusal(u"http.header_too_large", u"request header too large"_qs);
    default:
        return refusal(u"http.bad_request", u"obsolete line folding in a header field"_qs);
    }
}

// Beast reports one error for a malformed version and for a well-formed one
// other than 1.0 or 1.1; only the second deserves 505 (RFC 9110 §15.6.6).
bool namesAnotherVersion(std::string_view head)
{
    const std::string_view line = head.substr(0, head.find("\r\n"));
    if (line.size() < 9)
        return false;
    const std::string_view version = line.substr(line.size() - 9);
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    return version.substr(0, 6) == " HTTP/" && digit(version[6]) && version[7] == '.' && digit(version[8]);
}

core::Error parserRefusal(const error_code &ec, std::string_view head)
{
    namespace bhttp = beast::http;
    if (ec == bhttp::error::bad_content_length || ec == bhttp::error::bad_transfer_encoding)
        return refusal(u"http.bad_framing", QString::fromStdString(ec.message()));
    if (ec == bhttp::error::bad_version && namesAnotherVersion(head))
        return refusal(u"http.version_not_supported", u"only HTTP/1.0 and HTTP/1.1 are served"_qs);
    return refusal(u"http.bad_request", QString::fromStdString(ec.message()));
}

} // namespace

template<typename Stream>
HeadReader<Stream>::HeadReader(Stream &stream, beast::flat_buffer &buffer, Deadline &deadline,
                               const ConnectionContext &context, const QHostAddress &peer)
    : m_stream(stream), m_buffer(buffer), m_deadline(deadline), m_context(context),
      m_connection(context.headBuilder.connectionFrom(peer, isTlsStream<Stream>))
{
}

template<typename Stream>
asio::awaitable<bool> HeadReader<Stream>::awaitRequest(Clock::time_point waitStart)
{
    const ServerLimits &limits = m_context.limits;
    m_deadline.expireAt(waitStart + std::min(limits.keepAliveTimeout, limits.headerTimeout));
    for (;;) {
        m_buffer.consume(std::size_t(HeadScanner::leadingEmptyLines(received())));
        if (m_buffer.size() > 0)
            co_return true;
        const error_code ec = co_await readMore();
        if (ec)
            co_return false;
    }
}

template<typename Stream>
asio::awaitable<core::Result<Request>> HeadReader<Stream>::read(Clock::time_point waitStart)
{
    m_parser.reset();
    m_method.clear();
    m_deadline.expireAt(waitStart + m_context.limits.headerTimeout);
    HeadScanner scanner(m_context.limits.maxTargetBytes, m_context.limits.maxHeaderBytes);
    for (;;) {
        const HeadScanner::Verdict verdict = scanner.scan(received());
        if (verdict == HeadScanner::Verdict::Complete)
            co_return parseHead(scanner.headSize());
        if (verdict != HeadScanner::Verdict::NeedMore)
            co_return scannerRefusal(verdict);
        const error_code ec = co_await readMore();
        if (ec == asio::error::timed_out)
            co_return refusal(u"http.header_timeout", u"request header not received in time"_qs);
        if (ec)
            co_return refusal(u"http.client_gone", u"client closed during the request header"_qs);
    }
}

template<typename Stream>
asio::awaitable<error_code> HeadReader<Stream>::readMore()
{
    if (m_deadline.expired())
        co_return asio::error::timed_out;
    error_code ec;
    const std::size_t read = co_await m_stream.async_read_some(m_buffer.prepare(readSize), awaitableWith(ec));
    m_buffer.commit(read);
    if (ec && m_deadline.expired())
        ec = asio::error::timed_out;
    co_return ec;
}

template<typename Stream>
core::Result<Request> HeadReader<Stream>::parseHead(qsizetype headSize)
{
    // The HTTP/2 connection preface (prior knowledge, RFC 9113 §3.3): the
    // connection hands its bytes, this head included, to HTTP/2.
    if (received().substr(0, std::size_t(headSize)) == std::string_view("PRI * HTTP/2.0\r\n\r\n"))
        return refusal(u"http.h2_preface", u"HTTP/2 connection preface"_qs);
    m_parser.emplace();
    m_parser->header_limit(std::uint32_t(m_context.limits.maxHeaderBytes));
    // Decided per route once the handler planned. Not boost::none: Beast 1.74
    // compares a Content-Length against an empty limit as exceeding it.
    m_parser->body_limit(std::numeric_limits<std::uint64_t>::max());
    m_parser->eager(false);
    const std::string_view head = received().substr(0, std::size_t(headSize));
    error_code ec;
    m_parser->put(asio::buffer(head.data(), head.size()), ec);
    if (!ec && !m_parser->is_header_done())
        ec = beast::http::error::partial_message;
    if (ec)
        return parserRefusal(ec, head);
    m_headBeforeBody.assign(m_parser->is_done() ? std::string_view() : head);
    m_buffer.consume(std::size_t(headSize));

    m_version = m_parser->version();
    m_method = m_parser->method();
    return m_context.headBuilder.build(m_method, m_parser->target(), m_version, m_parser->takeHeaders(),
                                       m_connection);
}

template<typename Stream>
std::string_view HeadReader<Stream>::received() const
{
    return {static_cast<const char *>(m_buffer.data().data()), m_buffer.size()};
}

template class HeadReader<PlainStream>;
template class HeadReader<TlsStream>;

} // namespace ddd::agent::http
