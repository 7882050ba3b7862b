// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/accessstage.h"

#include "agent/site/sharetoken.h"
#include "agent/site/sitelocation.h"
#include "core/deploy/projectsite.h"

namespace ddd::agent::site {

namespace {

using Outcome = core::auth::SiteAccess::Outcome;

// Refusals are never stored by any cache: the next request may carry
// credentials, and a shared cache must never answer for a protected site.
http::Response refusal(int status, QByteArray text)
{
    auto response = http::Response::text(status, std::move(text));
    response.headers.set("Cache-Control", "no-store");
    return response;
}

// RFC 7617: the realm is a quoted-string and charset="UTF-8" says how the
// browser must encode what the visitor types. Hosts reaching here are
// validated names (letters, digits, '-', '.'), so quoting needs no escapes.
http::Response challenge(const SiteExchange &exchange, QByteArray text = "Authentication required\n")
{
    auto response = refusal(401, std::move(text));
    response.headers.set("WWW-Authenticate",
                         "Basic realm=\"" + exchange.request.host.toLatin1() + "\", charset=\"UTF-8\"");
    return response;
}

http::Response retryLater(int status, qint64 seconds, QByteArray text)
{
    auto response = refusal(status, std::move(text));
    response.headers.set("Retry-After", QByteArray::number(std::max<qint64>(seconds, 1)));
    return response;
}

} // namespace

AccessStage::AccessStage(core::auth::SiteAccess &access) : m_access(access)
{
}

core::auth::SiteAccess::Target AccessStage::targetOf(const SiteExchange &exchange) const
{
    const core::deploy::ProjectSite &site = *exchange.site;
    const bool production = site.domain && *site.domain == exchange.request.host;
    return core::auth::SiteAccess::Target{site.projectId, site.protection, production};
}

std::optional<http::Response> AccessStage::check(SiteExchange &exchange) const
{
    const core::auth::SiteAccess::Target target = targetOf(exchange);
    if (!m_access.isProtected(target))
        return std::nullopt;
    exchange.access = SiteExchange::Access::Refused;
    if (const std::optional<QByteArray> token = ShareToken::fromQuery(exchange.rawQuery))
        return answerShareLink(exchange, *token);
    const std::optional<QByteArray> cookie = ShareToken::fromCookies(exchange.request.headers);
    if (cookie && m_access.checkShareLink(target, *cookie)) {
        exchange.access = SiteExchange::Access::Granted;
        return std::nullopt;
    }
    return checkPassword(exchange);
}

std::optional<http::Response> AccessStage::checkPassword(SiteExchange &exchange) const
{
    const QByteArray authorization = exchange.request.headers.value("Authorization");
    const auto decision = m_access.checkPassword(targetOf(exchange), exchange.request.clientAddress, authorization);
    switch (decision.outcome) {
    case Outcome::Granted:
        exchange.access = SiteExchange::Access::Granted;
        return std::nullopt;
    case Outcome::Throttled:
        return retryLater(429, decision.retryAfterSeconds, "Too many failed sign-in attempts\n");
    case Outcome::Busy:
        return retryLater(503, decision.retryAfterSeconds, "Service Unavailable\n");
    case Outcome::Challenge:
        break;
    }
    return challenge(exchange);
}

// The token leaves the address bar at once: the visitor is sent to the same
// path without it (so it does not linger in history or Referer), holding it
// in a cookie that lasts as long as the link.
http::Response AccessStage::answerShareLink(SiteExchange &exchange, const QByteArray &token) const
{
    const core::Result<qint64> secondsLeft = m_access.checkShareLink(targetOf(exchange), token);
    if (!secondsLeft)
        return challenge(exchange, secondsLeft.error().message.toUtf8() + '\n');
    auto response = refusal(303, "See Other\n");
    response.headers.set("Location", SiteLocation::forPath(exchange.path, ShareToken::stripFromQuery(exchange.rawQuery)));
    response.headers.set("Set-Cookie", ShareToken::setCookie(token, *secondsLeft, exchange.request.secure));
    return response;
}

bool AccessStage::needsHashing(const SiteExchange &exchange) const
{
    if (!exchange.site)
        return false;
    const core::auth::SiteAccess::Target target = targetOf(exchange);
    return m_access.isProtected(target)
        && m_access.needsHashing(target, exchange.request.headers.value("Authorization"));
}

} // namespace ddd::agent::site
