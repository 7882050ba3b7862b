// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/identity.h"
#include "core/model/project.h"
#include "core/util/result.h"

#include <QByteArray>

namespace ddd::core::auth {
class ShareLinks;
}

namespace ddd::core::deploy {

class ProjectService;

// The share-link use cases behind /api/v1/projects/{id}/share-links: an owner
// (or an API token with the "projects" capability) issues expiring links to
// a protected site, or revokes all of them at once.
class ShareLinkService final
{
public:
    struct Link final
    {
        QByteArray token;
        qint64 expiresAtMs = 0;
        model::Project project;
    };

    ShareLinkService(ProjectService &projects, const auth::ShareLinks &links);

    // `project.not_found`, `auth.forbidden`, `site.invalid_share_lifetime`.
    Result<Link> issue(const model::Identity &caller, qint64 projectId, qint64 lifetimeSeconds);
    Status revokeAll(const model::Identity &caller, qint64 projectId);

private:
    ProjectService &m_projects;
    const auth::ShareLinks &m_links;
};

} // namespace ddd::core::deploy
