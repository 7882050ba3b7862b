// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/peeraddress.h"
#include "agent/http/request.h"
#include "agent/http/serverlimits.h"
#include "agent/http/trustedproxies.h"
#include "core/util/result.h"

#include <QHostAddress>

namespace ddd::agent::http {

// Turns a head the parser accepted into a Request, applying the RFC 9112
// rules the parser leaves to the application: field count, exactly one valid
// Host, unambiguous framing, a supported expectation, a decodable target. Every refusal here ends the connection, so its error is final.
class RequestHeadBuilder final
{
public:
    RequestHeadBuilder(const ServerLimits &limits, const TrustedProxies &proxies);

    // What stays the same for all requests of one connection.
    struct ConnectionState
    {
        PeerAddress peer;
        bool secure = false;        // arrived over TLS
        QByteArray lastHostField;   // keep-alive clients repeat their Host:
        QString lastHost;           // its normal form is kept, not redone
    };

    ConnectionState connectionFrom(const QHostAddress &peer, bool secure) const;

    // `version` as the parser reports it: 10 for HTTP/1.0, 11 for HTTP/1.1.
    core::Result<Request> build(QByteArray method, QByteArray target, unsigned version, Headers headers,
                                ConnectionState &connection) const;

private:
    static core::Status checkFraming(unsigned version, const Headers &headers);
    static core::Status checkTransferCodings(const Headers &headers);
    static core::Status checkExpectation(unsigned version, const Headers &headers);
    static core::Result<QString> hostOf(unsigned version, const Headers &headers, ConnectionState &connection);

    const ServerLimits &m_limits;
    const TrustedProxies &m_proxies;
};

} // namespace ddd::agent::http
