// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/requesthandler.h"
#include "agent/site/filestage.h"
#include "agent/site/headersstage.h"
#include "agent/site/hoststage.h"
#include "agent/site/sitepoststage.h"
#include "agent/site/siteprestage.h"

#include <memory>
#include <vector>

namespace ddd::core::auth {
class SiteAccess;
}

namespace ddd::core::blobs {
class BlobStore;
}

namespace ddd::core::deploy {
class LiveSites;
}

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
        // Preview hosts (<number>--<slug>.<base>); none when empty.
        HostStage::PreviewLookup previews;
    };

    // All must outlive the pipeline; blobs are only read.
    SitePipeline(const core::deploy::LiveSites &sites, const core::blobs::BlobStore &blobs,
                 core::auth::SiteAccess &access, Options options);

    // Never refuses and reads no body: everything is decided in respond().
    http::RequestPlan plan(http::Request &head) override;

private:
    http::Response respond(const http::Request &request) const;
    http::Response answer(SiteExchange &exchange) const;

    std::vector<std::unique_ptr<SitePreStage>> m_preStages;
    FileStage m_fileStage;
    std::vector<std::unique_ptr<SitePostStage>> m_postStages;
};

} // namespace ddd::agent::site
