// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/requestheadbuilder.h"

#include "agent/http/hostfield.h"
#include "agent/http/requesttarget.h"

#include <utility>

namespace ddd::agent::http {

namespace {

core::Error refusal(const char16_t *code, const char16_t *message)
{
    return core::Error::make(QString::fromUtf16(code), QString::fromUtf16(message));
}

QList<QByteArray> transferCodings(const Headers &headers)
{
    QList<QByteArray> codings;
    for (const QByteArray &field : headers.values("Transfer-Encoding"))
        for (const QByteArray &coding : field.split(','))
            if (const QByteArray trimmed = coding.trimmed().toLower(); !trimmed.isEmpty())
                codings.append(trimmed);
    return codings;
}

} // namespace

RequestHeadBuilder::RequestHeadBuilder(const ServerLimits &limits, const TrustedProxies &proxies)
    : m_limits(limits), m_proxies(proxies)
{
}

RequestHeadBuilder::ConnectionState RequestHeadBuilder::connectionFrom(const QHostAddress &peer, bool secure) const
{
    const QHostAddress canonical = TrustedProxies::canonical(peer);
    return {PeerAddress{canonical, canonical.toString(), m_proxies.isTrusted(canonical)}, secure, {}, {}};
}

core::Result<Request> RequestHeadBuilder::build(QByteArray method, QByteArray target, unsigned version,
                                                Headers headers, ConnectionState &connection) const
{
    if (headers.all().size() > m_limits.maxHeaderFields)
        return refusal(u"http.too_many_fields", u"too many header fields");
    if (auto framing = checkFraming(version, headers); !framing)
        return framing.error();
    if (auto expectation = checkExpectation(version, headers); !expectation)
        return expectation.error();
    auto host = hostOf(version, headers, connection);
    if (!host)
        return host.error();
    auto parsedTarget = RequestTarget::parse(target);
    if (!parsedTarget)
        return parsedTarget.error();

    Request request;
    request.method = std::move(method);
    request.target = std::move(target);
    request.path = parsedTarget->path();
    request.query = parsedTarget->query();
    request.host = parsedTarget->authorityHost().isEmpty() ? *host : parsedTarget->authorityHost();
    const PeerAddress &peer = connection.peer;
    request.clientAddress = peer.trustedProxy
        ? m_proxies.resolveClient(peer.address, headers.values("X-Forwarded-For")).toString()
        : peer.text;
    request.secure = connection.secure;
    request.headers = std::move(headers);
    return request;
}

core::Status RequestHeadBuilder::checkFraming(unsigned version, const Headers &headers)
{
    // The parser already refused malformed and conflicting Content-Length
    // values; what it lets through is a length beside a transfer coding.
    if (!headers.contains("Transfer-Encoding"))
        return {};
    if (headers.contains("Content-Length"))
        return refusal(u"http.bad_framing", u"Content-Length together with Transfer-Encoding");
    // RFC 9112 §6.1: HTTP/1.0 has no transfer codings, so the framing is faulty.
    if (version == 10)
        return refusal(u"http.bad_framing", u"Transfer-Encoding in an HTTP/1.0 request");
    return checkTransferCodings(headers);
}

core::Status RequestHeadBuilder::checkTransferCodings(const Headers &headers)
{
    const QList<QByteArray> codings = transferCodings(headers);
    if (codings.isEmpty() || codings.last() != "chunked")
        return refusal(u"http.bad_framing", u"the final transfer coding is not chunked");
    const QList<QByteArray> earlier = codings.first(codings.size() - 1);
    if (earlier.contains("chunked"))
        return refusal(u"http.bad_framing", u"chunked applied more than once");
    // We decode no other coding (gzip, deflate...): RFC 9112 §6.1 says 501.
    if (!earlier.isEmpty())
        return refusal(u"http.unsupported_transfer_coding", u"only the chunked transfer coding is supported");
    return {};
}

core::Status RequestHeadBuilder::checkExpectation(unsigned version, const Headers &headers)
{
    // RFC 9110 §10.1.1: an HTTP/1.0 request's expectation is ignored.
    if (version == 10 || !headers.contains("Expect"))
        return {};
    const QList<QByteArray> values = headers.values("Expect");
    if (values.size() == 1 && values.first().trimmed().compare("100-continue", Qt::CaseInsensitive) == 0)
        return {};
    return refusal(u"http.expectation_failed", u"the only supported expectation is 100-continue");
}

core::Result<QString> RequestHeadBuilder::hostOf(unsigned version, const Headers &headers,
                                                 ConnectionState &connection)
{
    const int count = headers.count("Host");
    // RFC 9112 §3.2 requires Host of HTTP/1.1 requests only.
    if (count == 0 && version == 10)
        return QString();
    if (count != 1)
        return refusal(u"http.bad_host", u"a request carries exactly one Host field");
    const QByteArray field = headers.value("Host");
    if (!connection.lastHost.isEmpty() && field == connection.lastHostField)
        return connection.lastHost;
    const auto host = HostField::normalise(field);
    if (!host)
        return refusal(u"http.bad_host", u"invalid Host field");
    connection.lastHostField = field;
    connection.lastHost = *host;
    return *host;
}

} // namespace ddd::agent::http
