// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace ddd::agent::http {

// The Host field (RFC 9112 §3.2) reduced to the name sites are routed by.
class HostField final
{
public:
    // `host[:port]` where host is a DNS name (letters, digits, '-', '_', '.'
    // in labels of 1..63 bytes), an IPv4 address or a bracketed IPv6
    // literal. Returns the host lower-cased, without port or trailing dot;
    // nullopt for anything else, including an empty value.
    static std::optional<QString> normalise(QByteArrayView value);
};

} // namespace ddd::agent::http
