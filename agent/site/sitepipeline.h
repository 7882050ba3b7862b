// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/requesthandler.h"
#include "agent/site/acmechallengestage.h"
#include "agent/site/blobdescriptorcache.h"
#include "agent/site/filestage.h"
#include "agent/site/headersstage.h"
#include "agent/site/hoststage.h"
#include "agent/site/preparedanswers.h"
#include "agent/site/sitepoststage.h"
#include "agent/site/siteprestage.h"

#include <functional>
#include <memory>
#include <vector>

namespace ddd::core::auth {
class SiteAccess;
}

namespace ddd::core::blobs {
class BlobStore;
class BlobUsage;
class SharedBlobs;
} // namespace ddd::core::blobs

namespace ddd::core::deploy {
class LiveSites;
class SharedVariants;
} // namespace ddd::core::deploy

namespace ddd::agent::site {

// The site listener's handler: serves each project's live version by Host,
// read-only, from the LiveSites snapshot (no database work). The stages run
// in the order listed in the constructor, which is the whole serving story.
class SitePipeline final : public http::RequestHandler
{
public:
    struct Options
    {
        // Added to every site answer. Not the API's CSP: sites run their own scripts.
        HeadersStage::HeaderList securityHeaders{
            {"Referrer-Policy", "strict-origin-when-cross-origin"},
            {"X-Frame-Options", "SAMEORIGIN"},
        };
        // Blob descriptors kept open, small blobs in memory
        // (BlobDescriptorCache). nginx's usual open_file_cache size; the hot
        // files of most sites fit, and it stays far below the descriptor
        // limit next to the connections.
        BlobDescriptorCache::Limits openFiles;
        // Preview hosts (<number>--<slug>.<base>); none when empty.
        HostStage::PreviewLookup previews;
        // Whether an unknown host has the shape of a preview host (no
        // database work); unset: every unknown host may be one, so HostStage
        // may block for it.
        HostStage::PreviewShape isPreviewHost;
        // The site HTTPS listener's port (0: none), for settings.https.redirect.
        std::function<quint16()> httpsPort;
        // Where lego writes ACME HTTP-01 answers (acme.enabled); empty: none.
        QString acmeWebroot;
        // Answers recorded by whichever agent orders (database.url); unset: none.
        AcmeChallengeStage::SharedAnswer sharedAcmeAnswers;
        // Shared object storage (blobs.s3.*) to fetch a blob missing here
        // from; null: the local store is the only one.
        core::blobs::SharedBlobs *sharedBlobs = nullptr;
        core::deploy::SharedVariants *sharedVariants = nullptr; // set with sharedBlobs
        // With a size-capped cache of it: where each served blob's last read
        // is noted; null: no cap.
        core::blobs::BlobUsage *blobUsage = nullptr;
    };

    // All must outlive the pipeline; blobs are only read.
    SitePipeline(const core::deploy::LiveSites &sites, const core::blobs::BlobStore &blobs,
                 core::auth::SiteAccess &access, Options options);

    // Never refuses and reads no body (a request with one is answered and
    // the connection closed). Runs the pre-stages on the calling (I/O)
    // thread up to the first that says it may block (SitePreStage::mayBlock);
    // the plan's respond() runs the rest, inline when none may block, else
    // on a worker.
    http::RequestPlan plan(http::Request &head) override;
    // plan() only runs pre-stages up to one that may block: memory work.
    bool plansInline() const override { return true; }
    const BlobDescriptorCache &openFiles() const { return m_openFiles; }
    const PreparedAnswers &preparedAnswers() const { return m_prepared; }

private:
    // Pre-stages run before plan() returned: the next to run, or the answer
    // one of them already gave.
    struct Progress
    {
        std::size_t nextStage = 0;
        std::optional<http::Response> early;
        // Set when the answer may be kept for requests with the same key.
        struct Keeping
        {
            PreparedAnswers::Ticket ticket;
            QString metricsHost;
        };
        std::optional<Keeping> ticket;
    };
    std::optional<PreparedAnswers::Ticket> ticketFor(const http::Request &head) const;
    std::optional<http::RequestPlan> preparedPlan(const PreparedAnswers::Ticket &ticket, const http::Request &head);
    bool letInAgain(const PreparedAnswers::Answer &answer, const PreparedAnswers::Key &key,
                    const http::Request &head) const;

    Progress runInline(SiteExchange &exchange) const;
    QString metricsHost(const SiteExchange &exchange) const;
    http::Response respond(SiteExchange &exchange, Progress progress) const;
    static void noteForAccessLog(const SiteExchange &exchange, http::Response &response);
    http::Response answer(SiteExchange &exchange, std::size_t fromStage) const;

    const core::deploy::LiveSites &m_sites;
    core::auth::SiteAccess &m_access;
    std::vector<std::unique_ptr<SitePreStage>> m_preStages;
    BlobDescriptorCache m_openFiles;
    FileStage m_fileStage;
    std::vector<std::unique_ptr<SitePostStage>> m_postStages;
    std::function<quint16()> m_httpsPort;
    core::blobs::BlobUsage *m_blobUsage; // null unless a capped cache notes reads
    // Kept by respond(), which is const to the stages: a cache of their answers.
    mutable PreparedAnswers m_prepared;
};

} // namespace ddd::agent::site
