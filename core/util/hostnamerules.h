// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace ddd::core {

// One hostname grammar for project domains (API), the HTTP Host header (API
// and site listeners) and the site router, so a name accepted in one place is
// spelled the same everywhere. Only ASCII is accepted: internationalised names
// arrive as punycode (`xn--` labels). Normalisation is ASCII lower-casing and
// stripping one trailing dot; nothing else is rewritten.
class HostnameRules final
{
public:
    static constexpr qsizetype MaxLength = 253;
    static constexpr qsizetype MaxLabelLength = 63;

    enum class HostKind { Name, IPv4, IPv6 };
    struct HostAndPort
    {
        QString host; // lower-case name, dotted quad, or IPv6 text without brackets
        HostKind kind = HostKind::Name;
        std::optional<quint16> port;
    };

    // A domain a project may be served under: at least two labels, no IP
    // literal, no all-numeric top-level label. Returns the normalised form or
    // `project.invalid_domain` with details {"reason": ...}.
    static Result<QString> normaliseProjectDomain(const QString &input);

    // The Host header grammar for names: like a project domain but single
    // labels (`localhost`) pass. Expects the normalised form: lower-case, no
    // trailing dot.
    static bool isValidHostName(const QString &host);

    // Whether normalised `host` is `domain` or a name under it; never for an empty domain.
    static bool isWithin(const QString &host, const QString &domain);

    // Splits a Host header value into host and optional port; accepts a
    // hostname, a dotted-quad IPv4 address or a bracketed IPv6 address (no
    // zone identifier). Refusals are `http.invalid_host` (400).
    static Result<HostAndPort> parseHostHeader(const QByteArray &value);
};

} // namespace ddd::core
