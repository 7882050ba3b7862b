// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/api/route.h"

namespace ddd::core::deploy {
class ShareLinkService;
}

namespace ddd::agent::api {

class SiteUrls;

// Share links to protected sites: issue one, or revoke all of a project's.
class ShareLinksController final
{
public:
    ShareLinksController(core::deploy::ShareLinkService &links, const SiteUrls &urls);

    http::Response issue(Call &call) const;     // POST /api/v1/projects/{id}/share-links -> 201 link
    http::Response revokeAll(Call &call) const; // DELETE /api/v1/projects/{id}/share-links -> 204

private:
    core::deploy::ShareLinkService &m_links;
    const SiteUrls &m_urls;
};

} // namespace ddd::agent::api
