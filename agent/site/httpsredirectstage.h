// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/site/siteprestage.h"

#include <functional>

namespace ddd::core::deploy {
class LiveSites;
}

namespace ddd::agent::site {

// settings.https.redirect: a plain-HTTP request to a project's production
// domain or one of its aliases gets 301 to https:// on the same host, path
// and query (308 for methods other than GET and HEAD, which must keep their
// method and body). The first stage: a POST would otherwise get MethodStage's
// 405 instead of the way to HTTPS, so it looks the host up itself (memory).
// Never for /.well-known/acme-challenge/: certificate authorities ask for
// HTTP-01 answers over plain HTTP, also while the certificate is renewed.
// Nothing happens while the agent has no HTTPS listener (a redirect to a
// closed port would take the site down).
class HttpsRedirectStage final : public SitePreStage
{
public:
    // The site HTTPS listener's port, 0 while there is none.
    using HttpsPort = std::function<quint16()>;

    HttpsRedirectStage(const core::deploy::LiveSites &sites, HttpsPort httpsPort);
    std::optional<http::Response> check(SiteExchange &exchange) const override;

private:
    const core::deploy::LiveSites &m_sites;
    HttpsPort m_httpsPort;
};

} // namespace ddd::agent::site
