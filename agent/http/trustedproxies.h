// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QStringList>

#include <utility>

namespace ddd::agent::http {

// The reverse proxies whose X-Forwarded-For we believe. A request from any
// other peer is attributed to the peer itself, whatever it claims: trusting
// the header from anyone let clients dodge the original's rate limiter.
class TrustedProxies final
{
public:
    TrustedProxies() = default; // trusts nobody

    // Entries are addresses ("10.0.0.7", "::1") or subnets ("10.0.0.0/8").
    // Fails with http.invalid_trusted_proxy naming the first bad entry.
    static core::Result<TrustedProxies> fromList(const QStringList &entries);

    bool isTrusted(const QHostAddress &address) const;

    // The peer when it is not a trusted proxy; otherwise the nearest
    // untrusted hop of X-Forwarded-For (all fields, in arrival order), read
    // from the right. A malformed hop ends the walk at the last address that
    // a trusted proxy vouched for.
    QHostAddress resolveClient(const QHostAddress &peer, const QList<QByteArray> &forwardedFor) const;

    // IPv4-mapped IPv6 addresses (::ffff:1.2.3.4 from a dual-stack socket)
    // become plain IPv4 so both spellings compare equal.
    static QHostAddress canonical(const QHostAddress &address);

private:
    QList<std::pair<QHostAddress, int>> m_subnets;
};

} // namespace ddd::agent::http
