// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/hoststage.h"

#include "core/deploy/livesites.h"

namespace ddd::agent::site {

HostStage::HostStage(const core::deploy::LiveSites &sites, PreviewLookup previews, PreviewShape isPreview)
    : m_sites(sites), m_previews(std::move(previews)), m_isPreview(std::move(isPreview))
{
}

bool HostStage::mayBlock(const SiteExchange &exchange) const
{
    const QString &host = exchange.request.host;
    if (!m_previews || m_sites.lookup(host))
        return false;
    return !m_isPreview || m_isPreview(host);
}

std::optional<http::Response> HostStage::check(SiteExchange &exchange) const
{
    // One lookup: the shared pointer keeps this version alive until the
    // answer is sent, whatever is published meanwhile.
    exchange.site = m_sites.lookup(exchange.request.host);
    if (!exchange.site && m_previews) {
        exchange.site = m_previews(exchange.request.host);
        exchange.preview = exchange.site != nullptr;
    }
    if (!exchange.site)
        return http::Response::text(404, "Not Found\n");
    return std::nullopt;
}

} // namespace ddd::agent::site
