// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHostAddress>
#include <QString>

namespace ddd::agent::http {

// A connection's peer as its requests need it, worked out once per
// connection: formatting the address for every request was a thirtieth of
// a small file's answer.
struct PeerAddress final
{
    QHostAddress address; // canonical: IPv4-mapped IPv6 as plain IPv4
    QString text;         // `address` as shown in logs and Request::clientAddress
    bool trustedProxy = false; // its X-Forwarded-For is believed
};

} // namespace ddd::agent::http
