// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/trustedproxies.h"

#include <algorithm>

namespace ddd::agent::http {

namespace {

std::pair<QHostAddress, int> parseEntry(const QString &entry)
{
    const QString trimmed = entry.trimmed();
    if (trimmed.contains(u'/')) {
        const auto subnet = QHostAddress::parseSubnet(trimmed);
        return {TrustedProxies::canonical(subnet.first), subnet.second};
    }
    const QHostAddress address = TrustedProxies::canonical(QHostAddress(trimmed));
    const int fullLength = address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
    return {address, fullLength};
}

QList<QByteArray> hopsInOrder(const QList<QByteArray> &forwardedFor)
{
    QList<QByteArray> hops;
    for (const QByteArray &field : forwardedFor)
        for (const QByteArray &hop : field.split(','))
            hops.append(hop.trimmed());
    return hops;
}

} // namespace

core::Result<TrustedProxies> TrustedProxies::fromList(const QStringList &entries)
{
    TrustedProxies proxies;
    for (const QString &entry : entries) {
        auto subnet = parseEntry(entry);
        if (subnet.first.isNull() || subnet.second < 0)
            return core::Error::make(u"http.invalid_trusted_proxy"_qs,
                                     u"trusted proxy entry is neither an address nor a subnet"_qs,
                                     QJsonObject{{u"entry"_qs, entry}});
        proxies.m_subnets.append(std::move(subnet));
    }
    return proxies;
}

bool TrustedProxies::isTrusted(const QHostAddress &address) const
{
    const QHostAddress candidate = canonical(address);
    return std::any_of(m_subnets.cbegin(), m_subnets.cend(),
                       [&](const auto &subnet) { return candidate.isInSubnet(subnet); });
}

QHostAddress TrustedProxies::resolveClient(const QHostAddress &peer,
                                           const QList<QByteArray> &forwardedFor) const
{
    QHostAddress client = canonical(peer);
    if (!isTrusted(client))
        return client;
    const QList<QByteArray> hops = hopsInOrder(forwardedFor);
    for (auto hop = hops.crbegin(); hop != hops.crend(); ++hop) {
        const QHostAddress address = canonical(QHostAddress(QString::fromLatin1(*hop)));
        if (address.isNull())
            return client;
        client = address;
        if (!isTrusted(client))
            return client;
    }
    return client;
}

QHostAddress TrustedProxies::canonical(const QHostAddress &address)
{
    if (address.protocol() != QAbstractSocket::IPv6Protocol)
        return address;
    bool mapped = false;
    const quint32 ipv4 = address.toIPv4Address(&mapped);
    return mapped ? QHostAddress(ipv4) : address;
}

} // namespace ddd::agent::http
