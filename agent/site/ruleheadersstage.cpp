// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/ruleheadersstage.h"

#include "agent/site/headersstage.h"

#include "core/rules/siterules.h"

namespace ddd::agent::site {

void RuleHeadersStage::refine(const SiteExchange &exchange, http::Response &response) const
{
    // A refused visitor learns nothing about the protected site.
    if (!exchange.site || !exchange.site->rules || exchange.site->rules->headers().isEmpty()
        || exchange.access == SiteExchange::Access::Refused)
        return;
    const QString &path = exchange.rewrite ? exchange.rewrite->requestedPath : exchange.path;
    if (path.isEmpty())
        return;
    bool cookieSet = false;
    for (const auto &[name, value] : exchange.site->rules->headers().headersFor(path)) {
        // Several Set-Cookie fields stay several fields (RFC 6265 §3).
        const bool cookie = name.compare("Set-Cookie", Qt::CaseInsensitive) == 0;
        if (cookie && cookieSet)
            response.headers.add(name, value);
        else
            response.headers.set(name, value);
        cookieSet = cookieSet || cookie;
    }
    // A site's "Cache-Control: public" must not undo HeadersStage's private
    // marking of what one visitor was let in to see.
    if (exchange.access == SiteExchange::Access::Granted)
        HeadersStage::keepPrivate(response);
}

} // namespace ddd::agent::site
