// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/sitepipeline.h"

#include "agent/site/accessstage.h"
#include "agent/site/acmechallengestage.h"
#include "agent/site/blobfetchstage.h"
#include "agent/site/canonicalhoststage.h"
#include "agent/site/conditionalstage.h"
#include "agent/site/hstsstage.h"
#include "agent/site/httpsredirectstage.h"
#include "agent/site/methodstage.h"
#include "agent/site/pathstage.h"
#include "agent/site/rangestage.h"
#include "agent/site/ruleheadersstage.h"
#include "agent/site/rulesstage.h"
#include "core/auth/siteaccess.h"
#include "core/blobs/blobusage.h"
#include "core/deploy/livesites.h"

namespace ddd::agent::site {

SitePipeline::SitePipeline(const core::deploy::LiveSites &sites, const core::blobs::BlobStore &blobs,
                           core::auth::SiteAccess &access, Options options)
    : m_sites(sites), m_access(access), m_openFiles(blobs, options.openFiles), m_fileStage(m_openFiles),
      m_httpsPort(options.httpsPort), m_blobUsage(options.sharedBlobs ? options.blobUsage : nullptr)
{
    // Before the file: each may answer and end the request.
    // Plain HTTP to a production host -> https:// (any method; not ACME's HTTP-01).
    m_preStages.push_back(std::make_unique<HttpsRedirectStage>(sites, std::move(options.httpsPort)));
    m_preStages.push_back(std::make_unique<MethodStage>());   // GET and HEAD only
    if (!options.acmeWebroot.isEmpty() || options.sharedAcmeAnswers) // ACME HTTP-01, any host, before host and password
        m_preStages.push_back(
            std::make_unique<AcmeChallengeStage>(options.acmeWebroot, std::move(options.sharedAcmeAnswers)));
    m_preStages.push_back(std::make_unique<HostStage>(sites, options.previews, options.isPreviewHost)); // Host -> version
    m_preStages.push_back(std::make_unique<PathStage>());     // one normaliser; no dotfiles
    m_preStages.push_back(std::make_unique<CanonicalHostStage>()); // alias -> 301 to the domain
    m_preStages.push_back(std::make_unique<AccessStage>(access)); // password or share link
    // After access: a refused visitor learns nothing of the site's rules.
    m_preStages.push_back(std::make_unique<RulesStage>()); // _redirects: redirect, or rewrite the path
    if (options.sharedBlobs) // a blob not on this machine: fetched from the bucket, on a worker
        m_preStages.push_back(std::make_unique<BlobFetchStage>(m_openFiles, *options.sharedBlobs,
                                                               *options.sharedVariants, options.blobUsage));

    // Then FileStage chooses the content from the manifest, and its
    // EncodingChoice the representation: a precompressed variant by
    // Accept-Encoding, or the blob itself.

    // After the file: headers, then conditional and range narrowing.
    m_postStages.push_back(std::make_unique<HeadersStage>(std::move(options.securityHeaders)));
    m_postStages.push_back(std::make_unique<HstsStage>()); // Strict-Transport-Security over HTTPS
    m_postStages.push_back(std::make_unique<RuleHeadersStage>()); // _headers of the requested path
    m_postStages.push_back(std::make_unique<ConditionalStage>()); // If-None-Match -> 304
    m_postStages.push_back(std::make_unique<RangeStage>());       // Range -> 206 / 416
}

http::RequestPlan SitePipeline::plan(http::Request &head)
{
    std::optional<PreparedAnswers::Ticket> ticket = ticketFor(head);
    if (ticket)
        if (std::optional<http::RequestPlan> prepared = preparedPlan(*ticket, head))
            return std::move(*prepared);
    // Shared with respond(), which may run on another thread: a site request
    // is one exchange whichever thread finishes it.
    auto exchange = std::make_shared<SiteExchange>(SiteExchange{head, {}, {}, {}, {}});
    Progress progress = runInline(*exchange);
    http::RequestPlan plan;
    plan.bodyLimit = 0;
    plan.ignoresBody = true;
    plan.inlineSafe = progress.early || progress.nextStage == m_preStages.size();
    // One label for all sites: host names would make that label unbounded;
    // metricsHost is set only for hosts that serve a site.
    plan.routeLabel = u"site"_qs;
    plan.metricsHost = metricsHost(*exchange);
    // Only what was answered without waiting on anything may be kept.
    if (plan.inlineSafe && ticket)
        progress.ticket = Progress::Keeping{std::move(*ticket), plan.metricsHost};
    plan.respond = [this, exchange, progress = std::move(progress)](http::Request &) mutable {
        return respond(*exchange, std::move(progress));
    };
    return plan;
}

// Read before any stage looks the site up: an answer kept under this stamp
// came from that snapshot or a later one.
std::optional<PreparedAnswers::Ticket> SitePipeline::ticketFor(const http::Request &head) const
{
    std::optional<PreparedAnswers::Key> key = PreparedAnswers::keyOf(head);
    if (!key)
        return std::nullopt;
    const PreparedAnswers::Stamp stamp{m_sites.generation(), m_httpsPort ? m_httpsPort() : quint16(0)};
    return PreparedAnswers::Ticket{std::move(*key), stamp};
}

// The kept answer, its blob opened again; nullopt sends the request the long
// way, which also tells why a blob cannot be opened.
std::optional<http::RequestPlan> SitePipeline::preparedPlan(const PreparedAnswers::Ticket &ticket,
                                                            const http::Request &head)
{
    const std::shared_ptr<const PreparedAnswers::Answer> answer = m_prepared.find(ticket.key, ticket.stamp);
    if (!answer || (answer->guarded && !letInAgain(*answer, ticket.key, head)))
        return std::nullopt;
    http::Response response = answer->response;
    if (const std::optional<PreparedAnswers::BlobBody> &blob = answer->blob) {
        auto opened = m_openFiles.open(blob->sha256, blob->coding, blob->length);
        if (!opened)
            return std::nullopt;
        response.file = std::move(*opened);
        response.fileLength = blob->length;
        if (m_blobUsage)
            m_blobUsage->touch(blob->sha256);
    }
    response.headOnly = head.method == "HEAD";
    m_prepared.noteUsed(ticket.key);
    http::RequestPlan plan;
    plan.answer = std::move(response);
    plan.inlineSafe = true;
    plan.ignoresBody = true;
    plan.routeLabel = u"site"_qs;
    plan.metricsHost = answer->metricsHost;
    return plan;
}

// The password a kept answer was given to, checked as AccessStage checks it
// (the stamp says the site is the one it was): no longer remembered, the
// request goes the long way, which hashes it or refuses.
bool SitePipeline::letInAgain(const PreparedAnswers::Answer &answer, const PreparedAnswers::Key &key,
                              const http::Request &head) const
{
    const std::shared_ptr<const core::deploy::ProjectSite> site = m_sites.lookup(head.host);
    if (!site)
        return false;
    const core::auth::SiteAccess::Target target{site->projectId, site->protection, answer.productionHost};
    return m_access.isProtected(target) && m_access.remembers(target, key.authorization);
}

// The request's host when it serves a site, also when a stage answered
// before HostStage looked (a 405 still counts for its site).
QString SitePipeline::metricsHost(const SiteExchange &exchange) const
{
    const bool known = exchange.site || m_sites.lookup(exchange.request.host);
    return known ? exchange.request.host : QString();
}

SitePipeline::Progress SitePipeline::runInline(SiteExchange &exchange) const
{
    Progress progress;
    for (; progress.nextStage < m_preStages.size(); ++progress.nextStage) {
        const SitePreStage &stage = *m_preStages[progress.nextStage];
        if (stage.mayBlock(exchange))
            break;
        progress.early = stage.check(exchange);
        if (progress.early)
            break;
    }
    return progress;
}

http::Response SitePipeline::respond(SiteExchange &exchange, Progress progress) const
{
    http::Response response = progress.early ? std::move(*progress.early) : answer(exchange, progress.nextStage);
    for (const auto &stage : m_postStages)
        stage->refine(exchange, response);
    // HEAD answers what GET would, without the body (and without ranges:
    // RFC 9110 §14.2 defines them for GET only).
    response.headOnly = exchange.request.method == "HEAD";
    noteForAccessLog(exchange, response);
    if (progress.ticket)
        m_prepared.keep(std::move(progress.ticket->ticket), exchange, response, std::move(progress.ticket->metricsHost));
    return response;
}

// The access log's fields (never sent): which version answered, and for a
// refusal a stable code, so "which asset is missing on which site" has an
// answer in the log and in the missing-paths list.
void SitePipeline::noteForAccessLog(const SiteExchange &exchange, http::Response &response)
{
    if (exchange.site) {
        response.projectId = exchange.site->projectId;
        response.versionNumber = exchange.site->versionNumber;
    }
    if (!response.errorCode.isEmpty() || response.status < 400)
        return;
    switch (response.status) {
    case 400: response.errorCode = u"site.bad_path"_qs; break;
    case 401: response.errorCode = u"site.access_required"_qs; break;
    case 404: response.errorCode = exchange.site ? u"site.not_found"_qs : u"site.unknown_host"_qs; break;
    case 405: response.errorCode = u"site.method_not_allowed"_qs; break;
    case 416: response.errorCode = u"site.range_not_satisfiable"_qs; break;
    default: response.errorCode = u"site.status_%1"_qs.arg(response.status); break;
    }
}

http::Response SitePipeline::answer(SiteExchange &exchange, std::size_t fromStage) const
{
    for (std::size_t i = fromStage; i < m_preStages.size(); ++i)
        if (std::optional<http::Response> refusal = m_preStages[i]->check(exchange))
            return std::move(*refusal);
    return m_fileStage.serve(exchange);
}

} // namespace ddd::agent::site
