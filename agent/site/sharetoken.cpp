// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/sharetoken.h"

#include <QList>

namespace ddd::agent::site {

namespace {

QByteArray prefix()
{
    return QByteArray(ShareToken::kName) + '=';
}

} // namespace

std::optional<QByteArray> ShareToken::fromQuery(const QByteArray &rawQuery)
{
    for (const QByteArray &parameter : rawQuery.split('&')) {
        if (parameter.startsWith(prefix()))
            return parameter.mid(prefix().size());
    }
    return std::nullopt;
}

std::optional<QByteArray> ShareToken::fromCookies(const http::Headers &headers)
{
    // HTTP/1.1 sends one Cookie field; joining copes with senders that split it.
    for (const QByteArray &pair : headers.values("Cookie").join("; ").split(';')) {
        const QByteArray trimmed = pair.trimmed();
        if (trimmed.startsWith(prefix()))
            return trimmed.mid(prefix().size());
    }
    return std::nullopt;
}

QByteArray ShareToken::stripFromQuery(const QByteArray &rawQuery)
{
    QList<QByteArray> kept;
    for (const QByteArray &parameter : rawQuery.split('&')) {
        if (!parameter.isEmpty() && !parameter.startsWith(prefix()))
            kept.append(parameter);
    }
    return kept.join('&');
}

QByteArray ShareToken::setCookie(const QByteArray &token, qint64 maxAgeSeconds, bool secure)
{
    // Host-only (no Domain attribute): a link to one site never opens another.
    QByteArray cookie = prefix() + token + "; Path=/; Max-Age=" + QByteArray::number(maxAgeSeconds)
        + "; HttpOnly; SameSite=Lax";
    if (secure)
        cookie += "; Secure";
    return cookie;
}

} // namespace ddd::agent::site
