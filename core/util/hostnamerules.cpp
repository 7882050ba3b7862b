// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/util/hostnamerules.h"

#include <QHostAddress>
#include <QStringList>

#include <algorithm>

namespace ddd::core {

namespace {

bool isAsciiDigit(QChar c) { return c >= u'0' && c <= u'9'; }
bool isLabelCharacter(QChar c) { return (c >= u'a' && c <= u'z') || isAsciiDigit(c) || c == u'-'; }

bool allDigits(QStringView text)
{
    return std::all_of(text.begin(), text.end(), isAsciiDigit);
}

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

// Strict dotted quad: four decimal octets, no leading zeros (which some
// resolvers read as octal), nothing else.
bool isDottedQuad(QStringView text)
{
    const QList<QStringView> parts = text.split(u'.');
    if (parts.size() != 4)
        return false;
    return std::all_of(parts.begin(), parts.end(), [](QStringView part) {
        if (part.isEmpty() || part.size() > 3 || !allDigits(part))
            return false;
        return (part.size() == 1 || part[0] != u'0') && part.toInt() <= 255;
    });
}

std::optional<QString> labelProblem(QStringView label)
{
    if (label.isEmpty())
        return u"empty_label"_qs;
    if (label.size() > HostnameRules::MaxLabelLength)
        return u"label_too_long"_qs;
    if (!std::all_of(label.begin(), label.end(), isLabelCharacter))
        return u"invalid_character"_qs;
    if (label.front() == u'-' || label.back() == u'-')
        return u"hyphen_at_label_edge"_qs;
    return std::nullopt;
}

// Why a normalised name is not a valid host name, or nothing. A numeric last
// label is refused because no top-level domain is numeric (RFC 3696 section 2)
// and such names would be confused with IPv4 addresses.
std::optional<QString> nameProblem(const QString &host)
{
    if (host.isEmpty())
        return u"empty"_qs;
    if (host.size() > HostnameRules::MaxLength)
        return u"too_long"_qs;
    const QList<QStringView> labels = QStringView(host).split(u'.');
    for (QStringView label : labels) {
        if (auto problem = labelProblem(label))
            return problem;
    }
    if (isDottedQuad(host))
        return u"ip_literal"_qs;
    if (allDigits(labels.last()))
        return u"numeric_tld"_qs;
    return std::nullopt;
}

// ASCII lower-casing and one trailing dot removed; nullopt for non-ASCII input,
// which must not be lower-cased by Unicode rules (U+212A KELVIN SIGN becomes "k").
std::optional<QString> normaliseName(QStringView input)
{
    if (!isAscii(input))
        return std::nullopt;
    QString host = input.toString().toLower();
    if (host.endsWith(u'.'))
        host.chop(1);
    return host;
}

Error invalidDomain(const QString &reason)
{
    return Error::make(u"project.invalid_domain"_qs, u"The domain is not a valid host name"_qs,
                       QJsonObject{{u"reason"_qs, reason}});
}

Error invalidHost(const QString &reason)
{
    return Error::make(u"http.invalid_host"_qs, u"The Host header is not valid"_qs,
                       QJsonObject{{u"reason"_qs, reason}});
}

std::optional<quint16> parsePort(QStringView text)
{
    if (text.isEmpty() || text.size() > 5 || !allDigits(text))
        return std::nullopt;
    const int port = text.toInt();
    if (port < 1 || port > 65535)
        return std::nullopt;
    return quint16(port);
}

// The bracketed form "[v6]" or "[v6]:port". Zone identifiers and IPvFuture
// literals are refused: no site is served under them.
Result<HostnameRules::HostAndPort> parseBracketed(QStringView value)
{
    const qsizetype close = value.indexOf(u']');
    if (close < 0)
        return invalidHost(u"unclosed_bracket"_qs);
    const QStringView literal = value.sliced(1, close - 1);
    const bool plausible = !literal.isEmpty() && std::all_of(literal.begin(), literal.end(), [](QChar c) {
        const QChar lower = c.toLower();
        return isAsciiDigit(c) || (lower >= u'a' && lower <= u'f') || c == u':' || c == u'.';
    });
    QHostAddress address;
    if (!plausible || !address.setAddress(literal.toString())
        || address.protocol() != QAbstractSocket::IPv6Protocol)
        return invalidHost(u"invalid_ipv6"_qs);
    HostnameRules::HostAndPort result{address.toString(), HostnameRules::HostKind::IPv6, std::nullopt};
    const QStringView rest = value.sliced(close + 1);
    if (rest.isEmpty())
        return result;
    if (!rest.startsWith(u':') || !(result.port = parsePort(rest.sliced(1))))
        return invalidHost(u"invalid_port"_qs);
    return result;
}

} // namespace

Result<QString> HostnameRules::normaliseProjectDomain(const QString &input)
{
    const std::optional<QString> host = normaliseName(input);
    if (!host)
        return invalidDomain(u"invalid_character"_qs);
    if (auto problem = nameProblem(*host))
        return invalidDomain(*problem);
    if (!host->contains(u'.'))
        return invalidDomain(u"single_label"_qs);
    return *host;
}

bool HostnameRules::isValidHostName(const QString &host)
{
    return !nameProblem(host).has_value();
}

bool HostnameRules::isWithin(const QString &host, const QString &domain)
{
    return !domain.isEmpty() && (host == domain || host.endsWith(u'.' + domain));
}

Result<HostnameRules::HostAndPort> HostnameRules::parseHostHeader(const QByteArray &value)
{
    if (value.isEmpty())
        return invalidHost(u"empty"_qs);
    const QString text = QString::fromLatin1(value);
    if (!isAscii(text))
        return invalidHost(u"invalid_character"_qs);
    if (text.startsWith(u'['))
        return parseBracketed(text);
    const QList<QStringView> parts = QStringView(text).split(u':');
    if (parts.size() > 2)
        return invalidHost(u"invalid_character"_qs);
    HostAndPort result;
    if (parts.size() == 2 && !(result.port = parsePort(parts[1])))
        return invalidHost(u"invalid_port"_qs);
    if (isDottedQuad(parts[0])) {
        result.host = parts[0].toString();
        result.kind = HostKind::IPv4;
        return result;
    }
    result.host = *normaliseName(parts[0]);
    if (auto problem = nameProblem(result.host))
        return invalidHost(*problem);
    return result;
}

} // namespace ddd::core
