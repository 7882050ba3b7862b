// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/hostfield.h"

#include <QHostAddress>

namespace ddd::agent::http {

namespace {

constexpr qsizetype maxNameLength = 253;
constexpr qsizetype maxLabelLength = 63;

bool isValidPort(QByteArrayView port)
{
    // RFC 3986 allows an empty port ("example.com:").
    if (port.size() > 5)
        return false;
    for (char c : port)
        if (c < '0' || c > '9')
            return false;
    return port.isEmpty() || port.toInt() <= 65535;
}

bool isLabelChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
        || c == '_';
}

bool isValidName(QByteArrayView name)
{
    if (name.isEmpty() || name.size() > maxNameLength)
        return false;
    qsizetype labelLength = 0;
    for (char c : name) {
        if (c == '.') {
            if (labelLength == 0)
                return false;
            labelLength = 0;
        } else if (!isLabelChar(c) || ++labelLength > maxLabelLength) {
            return false;
        }
    }
    return labelLength > 0;
}

std::optional<QString> normaliseIpv6Literal(QByteArrayView value)
{
    const qsizetype close = value.indexOf(']');
    if (close < 0)
        return std::nullopt;
    const QByteArrayView rest = value.sliced(close + 1);
    if (!rest.isEmpty() && (rest.front() != ':' || !isValidPort(rest.sliced(1))))
        return std::nullopt;
    const QHostAddress address(QString::fromLatin1(value.sliced(1, close - 1)));
    if (address.protocol() != QAbstractSocket::IPv6Protocol || !address.scopeId().isEmpty())
        return std::nullopt;
    return QString::fromLatin1(value.first(close + 1)).toLower();
}

} // namespace

std::optional<QString> HostField::normalise(QByteArrayView value)
{
    if (value.startsWith('['))
        return normaliseIpv6Literal(value);
    QByteArrayView name = value;
    const qsizetype colon = value.indexOf(':');
    if (colon >= 0) {
        if (!isValidPort(value.sliced(colon + 1)))
            return std::nullopt;
        name = value.first(colon);
    }
    if (name.endsWith('.'))
        name.chop(1);
    if (!isValidName(name))
        return std::nullopt;
    return QString::fromLatin1(name).toLower();
}

} // namespace ddd::agent::http
