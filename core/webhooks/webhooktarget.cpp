// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/webhooks/webhooktarget.h"

#include <QHostInfo>
#include <QJsonObject>

namespace ddd::core::webhooks {

namespace {

Error invalidUrl(const QString &reason, const QString &message)
{
    return Error::make(u"webhook.invalid_url"_qs, message, QJsonObject{{u"reason"_qs, reason}});
}

// Everything that is not the public Internet (RFC 6890 and friends).
const QList<std::pair<QHostAddress, int>> &refusedSubnets()
{
    static const QList<std::pair<QHostAddress, int>> subnets = [] {
        QList<std::pair<QHostAddress, int>> all;
        for (const char *text : {"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
                                 "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
                                 "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4", "::/128",
                                 "::1/128", "fe80::/10", "fc00::/7", "ff00::/8", "2001:db8::/32", "64:ff9b:1::/48"})
            all.append(QHostAddress::parseSubnet(QString::fromLatin1(text)));
        return all;
    }();
    return subnets;
}

} // namespace

Result<QUrl> WebhookTarget::parse(const QString &text)
{
    if (text.size() > MaxUrlLength)
        return invalidUrl(u"length"_qs, u"The URL is longer than 2048 characters"_qs);
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative())
        return invalidUrl(u"syntax"_qs, u"Not an absolute URL"_qs);
    if (url.scheme() != u"http"_qs && url.scheme() != u"https"_qs)
        return invalidUrl(u"scheme"_qs, u"Only http and https URLs can receive webhooks"_qs);
    if (url.host().isEmpty())
        return invalidUrl(u"host"_qs, u"The URL has no host"_qs);
    if (!url.userInfo().isEmpty())
        return invalidUrl(u"credentials"_qs, u"Credentials in the URL are not allowed; verify the signature instead"_qs);
    if (url.hasFragment())
        return invalidUrl(u"fragment"_qs, u"The URL must not have a fragment"_qs);
    return url;
}

bool WebhookTarget::isPublic(const QHostAddress &address)
{
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) reaches the IPv4 one.
    const QHostAddress plain = mapped ? QHostAddress(v4) : address;
    if (plain.isNull() || plain.isBroadcast())
        return false;
    for (const auto &[subnet, length] : refusedSubnets())
        if (plain.isInSubnet(subnet, length))
            return false;
    return true;
}

Status WebhookTarget::check(const QList<QHostAddress> &addresses, bool allowPrivate)
{
    if (addresses.isEmpty())
        return Error::make(u"webhook.unresolvable_host"_qs, u"The webhook's host name does not resolve"_qs);
    if (allowPrivate)
        return {};
    for (const QHostAddress &address : addresses)
        if (!isPublic(address))
            return Error::make(u"webhook.target_refused"_qs,
                               u"The webhook's host resolves to a private, loopback or link-local address"_qs,
                               QJsonObject{{u"address"_qs, address.toString()}});
    return {};
}

Result<QList<QHostAddress>> WebhookTarget::resolve(const QUrl &url, bool allowPrivate)
{
    QList<QHostAddress> addresses;
    if (QHostAddress literal; literal.setAddress(url.host()))
        addresses.append(literal);
    else
        addresses = QHostInfo::fromName(url.host()).addresses();
    if (Status checked = check(addresses, allowPrivate); !checked)
        return checked.error();
    return addresses;
}

} // namespace ddd::core::webhooks
