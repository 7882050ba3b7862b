// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// The Host field parsers: HostField (the transport, which routes requests by
// it) and HostnameRules (project domains, the site's canonical-host stage).
// Properties: what either accepts is already normal (lower-case, no trailing
// dot, parses again to itself) and names a host in a valid shape; and a Host
// value the strict parser accepts is routed by the transport to the same
// name, so the two grammars never disagree about which site a request is for.
#include "agent/http/hostfield.h"
#include "core/util/hostnamerules.h"
#include "tests/fuzz/fuzzsupport.h"

using ddd::agent::http::HostField;
using ddd::core::HostnameRules;
using ddd::fuzz::violated;

namespace {

QString show(const QByteArray &raw)
{
    return QString::fromLatin1(raw.toHex());
}

void checkNormal(const QString &host, const QByteArray &raw, const char *who)
{
    if (host.isEmpty() || host != host.toLower() || host.endsWith(u'.'))
        violated(who, u"not normal: "_qs + show(raw) + u" -> "_qs + host);
}

std::optional<QString> checkTransport(const QByteArray &raw)
{
    const std::optional<QString> host = HostField::normalise(raw);
    if (!host)
        return host;
    checkNormal(*host, raw, "HostField result is normal");
    const std::optional<QString> again = HostField::normalise(host->toLatin1());
    if (again != host)
        violated("HostField normalisation is idempotent", show(raw) + u" -> "_qs + *host);
    return host;
}

void checkStrict(const QByteArray &raw, const std::optional<QString> &transport)
{
    const auto parsed = HostnameRules::parseHostHeader(raw);
    if (!parsed.ok())
        return;
    const HostnameRules::HostAndPort &hp = parsed.value();
    checkNormal(hp.host, raw, "parseHostHeader result is normal");
    if (hp.kind == HostnameRules::HostKind::Name && !HostnameRules::isValidHostName(hp.host))
        violated("parseHostHeader names a valid host", show(raw) + u" -> "_qs + hp.host);
    const QString reformed = hp.kind == HostnameRules::HostKind::IPv6 ? u'[' + hp.host + u']' : hp.host;
    const auto again = HostnameRules::parseHostHeader(reformed.toLatin1());
    if (!again.ok() || again.value().host != hp.host)
        violated("parseHostHeader is idempotent", show(raw) + u" -> "_qs + hp.host);
    if (!transport)
        violated("a Host the site accepts is routed by the transport", show(raw));
    // IPv6 literals are compared as addresses by the router, not as text.
    if (hp.kind != HostnameRules::HostKind::IPv6 && *transport != hp.host)
        violated("both parsers name the same host", show(raw) + u": "_qs + *transport + u" vs "_qs + hp.host);
}

void checkDomain(const QByteArray &raw)
{
    const auto domain = HostnameRules::normaliseProjectDomain(QString::fromUtf8(raw));
    if (!domain.ok())
        return;
    checkNormal(domain.value(), raw, "project domain is normal");
    if (!domain.value().contains(u'.') || !HostnameRules::isValidHostName(domain.value()))
        violated("project domain has two valid labels", domain.value());
    if (!HostnameRules::isWithin(domain.value(), domain.value()))
        violated("a domain is within itself", domain.value());
    const auto again = HostnameRules::normaliseProjectDomain(domain.value());
    if (!again.ok() || again.value() != domain.value())
        violated("project domain normalisation is idempotent", domain.value());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray raw = ddd::fuzz::bytes(data, size);
    checkStrict(raw, checkTransport(raw));
    checkDomain(raw);
    return 0;
}
