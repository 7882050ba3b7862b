// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/canonicalhoststage.h"

#include "agent/site/sitelocation.h"
#include "core/deploy/projectsite.h"
#include "core/util/hostnamerules.h"

namespace ddd::agent::site {

namespace {

// The port the visitor used, so a listener on a non-standard port (or a
// proxy passing the Host on) sends them to the same one.
QByteArray portSuffix(const http::Request &request)
{
    const auto host = core::HostnameRules::parseHostHeader(request.headers.value("Host"));
    if (!host || !host->port)
        return {};
    const quint16 standard = request.secure ? 443 : 80;
    return *host->port == standard ? QByteArray() : ':' + QByteArray::number(*host->port);
}

} // namespace

std::optional<http::Response> CanonicalHostStage::check(SiteExchange &exchange) const
{
    const core::deploy::ProjectSite &site = *exchange.site;
    const QString &host = exchange.request.host;
    if (!site.domain || exchange.preview || !site.aliases.contains(host))
        return std::nullopt;
    const QByteArray scheme = exchange.request.secure ? "https://" : "http://";
    auto response = http::Response::text(301, "Moved Permanently\n");
    response.headers.set("Location", scheme + site.domain->toLatin1() + portSuffix(exchange.request)
                                         + SiteLocation::forPath(exchange.path, exchange.rawQuery));
    return response;
}

} // namespace ddd::agent::site
