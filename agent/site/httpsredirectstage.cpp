// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/httpsredirectstage.h"

#include "agent/site/acmechallengestage.h"
#include "agent/site/sitelocation.h"
#include "core/deploy/livesites.h"
#include "core/deploy/projectsite.h"

namespace ddd::agent::site {

namespace {

bool isProductionHost(const core::deploy::ProjectSite &site, const QString &host)
{
    return (site.domain && *site.domain == host) || site.aliases.contains(host);
}

QByteArray rawQuery(const QByteArray &target)
{
    const qsizetype question = target.indexOf('?');
    return question < 0 ? QByteArray() : target.mid(question + 1);
}

} // namespace

HttpsRedirectStage::HttpsRedirectStage(const core::deploy::LiveSites &sites, HttpsPort httpsPort)
    : m_sites(sites), m_httpsPort(std::move(httpsPort))
{
}

std::optional<http::Response> HttpsRedirectStage::check(SiteExchange &exchange) const
{
    const http::Request &request = exchange.request;
    if (request.secure || AcmeChallengeStage::isChallengePath(request.path))
        return std::nullopt;
    const quint16 port = m_httpsPort ? m_httpsPort() : 0;
    if (port == 0)
        return std::nullopt;
    const auto site = m_sites.lookup(request.host);
    if (!site || !site->https.redirect || !isProductionHost(*site, request.host))
        return std::nullopt;
    // 301 lets clients turn a POST into a GET; 308 never does.
    const bool keepMethod = request.method != "GET" && request.method != "HEAD";
    auto response = keepMethod ? http::Response::text(308, "Permanent Redirect\n")
                               : http::Response::text(301, "Moved Permanently\n");
    const QByteArray portSuffix = port == 443 ? QByteArray() : ':' + QByteArray::number(port);
    // The host is one of the project's own names (checked above), never
    // whatever a client put in Host.
    response.headers.set("Location", "https://" + request.host.toLatin1() + portSuffix
                                         + SiteLocation::forPath(request.path, rawQuery(request.target)));
    return response;
}

} // namespace ddd::agent::site
