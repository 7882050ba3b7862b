// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/sitepipeline.h"

#include "agent/site/accessstage.h"
#include "agent/site/canonicalhoststage.h"
#include "agent/site/conditionalstage.h"
#include "agent/site/methodstage.h"
#include "agent/site/pathstage.h"
#include "agent/site/rangestage.h"
#include "agent/site/ruleheadersstage.h"
#include "agent/site/rulesstage.h"

namespace ddd::agent::site {

SitePipeline::SitePipeline(const core::deploy::LiveSites &sites, const core::blobs::BlobStore &blobs,
                           core::auth::SiteAccess &access, Options options)
    : m_fileStage(blobs)
{
    // Before the file: each may answer and end the request.
    m_preStages.push_back(std::make_unique<MethodStage>());   // GET and HEAD only
    m_preStages.push_back(std::make_unique<HostStage>(sites, options.previews)); // Host -> version
    m_preStages.push_back(std::make_unique<PathStage>());     // one normaliser; no dotfiles
    m_preStages.push_back(std::make_unique<CanonicalHostStage>()); // alias -> 301 to the domain
    m_preStages.push_back(std::make_unique<AccessStage>(access)); // password or share link
    // After access: a refused visitor learns nothing of the site's rules.
    m_preStages.push_back(std::make_unique<RulesStage>()); // _redirects: redirect, or rewrite the path

    // Then FileStage chooses the content from the manifest.

    // After the file: headers, then conditional and range narrowing.
    m_postStages.push_back(std::make_unique<HeadersStage>(std::move(options.securityHeaders)));
    m_postStages.push_back(std::make_unique<RuleHeadersStage>()); // _headers of the requested path
    m_postStages.push_back(std::make_unique<ConditionalStage>()); // If-None-Match -> 304
    m_postStages.push_back(std::make_unique<RangeStage>());       // Range -> 206 / 416
}

http::RequestPlan SitePipeline::plan(http::Request &)
{
    http::RequestPlan plan;
    plan.bodyLimit = 0;
    plan.respond = [this](http::Request &request) { return respond(request); };
    // One label for all sites: host names would make metrics unbounded.
    plan.routeLabel = u"site"_qs;
    return plan;
}

http::Response SitePipeline::respond(const http::Request &request) const
{
    SiteExchange exchange{request, {}, {}, {}, {}};
    http::Response response = answer(exchange);
    for (const auto &stage : m_postStages)
        stage->refine(exchange, response);
    // HEAD answers what GET would, without the body (and without ranges:
    // RFC 9110 §14.2 defines them for GET only).
    response.headOnly = request.method == "HEAD";
    return response;
}

http::Response SitePipeline::answer(SiteExchange &exchange) const
{
    for (const auto &stage : m_preStages)
        if (std::optional<http::Response> refusal = stage->check(exchange))
            return std::move(*refusal);
    return m_fileStage.serve(exchange);
}

} // namespace ddd::agent::site
