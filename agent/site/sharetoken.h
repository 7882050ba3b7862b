// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/headers.h"

#include <QByteArray>

#include <optional>

namespace ddd::agent::site {

// Where a share-link token travels: once in the query of the link
// (`?ddd_share=...`), then in a host-only, HttpOnly cookie of the same name.
class ShareToken final
{
public:
    static constexpr const char *kName = "ddd_share";

    static std::optional<QByteArray> fromQuery(const QByteArray &rawQuery);
    static std::optional<QByteArray> fromCookies(const http::Headers &headers);
    // The query without the token's parameter(s), other parameters in order.
    static QByteArray stripFromQuery(const QByteArray &rawQuery);
    static QByteArray setCookie(const QByteArray &token, qint64 maxAgeSeconds, bool secure);
};

} // namespace ddd::agent::site
