// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/hstsstage.h"

#include "core/deploy/projectsite.h"
#include "core/model/httpssettings.h"

namespace ddd::agent::site {

void HstsStage::refine(const SiteExchange &exchange, http::Response &response) const
{
    const core::deploy::ProjectSite *site = exchange.site.get();
    if (!exchange.request.secure || !site || exchange.preview || !site->https.hsts.enabled)
        return;
    const QString &host = exchange.request.host;
    if ((site->domain && *site->domain == host) || site->aliases.contains(host))
        response.headers.set("Strict-Transport-Security", core::model::HttpsSettings::headerValue(site->https.hsts));
}

} // namespace ddd::agent::site
