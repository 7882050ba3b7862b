// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/api/route.h"

namespace ddd::core::deploy {
class ShareLinkService;
}

namespace ddd::agent::api {

// Share links to protected sites: issue one, or revoke all of a project's.
class ShareLinksController final
{
public:
    // Where visitors reach the sites, to spell out each link's address.
    struct SiteAddress final
    {
        QString baseDomain;
        int port = 0;
        bool tls = false;
    };

    ShareLinksController(core::deploy::ShareLinkService &links, SiteAddress site);

    http::Response issue(Call &call) const;     // POST /api/v1/projects/{id}/share-links -> 201 link
    http::Response revokeAll(Call &call) const; // DELETE /api/v1/projects/{id}/share-links -> 204

private:
    QString siteUrl(const QString &host) const;

    core::deploy::ShareLinkService &m_links;
    SiteAddress m_site;
};

} // namespace ddd::agent::api
