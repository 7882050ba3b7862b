// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/sharelinkservice.h"

#include "core/auth/sharelinks.h"
#include "core/deploy/projectservice.h"

namespace ddd::core::deploy {

ShareLinkService::ShareLinkService(ProjectService &projects, const auth::ShareLinks &links)
    : m_projects(projects), m_links(links)
{
}

Result<ShareLinkService::Link> ShareLinkService::issue(const model::Identity &caller, qint64 projectId,
                                                       qint64 lifetimeSeconds)
{
    // Issuing lets someone past the password: the same right as changing it.
    if (!caller.can(u"projects"_qs))
        return Error::make(u"auth.forbidden"_qs, u"This token lacks the \"projects\" capability"_qs,
                           QJsonObject{{u"capability"_qs, u"projects"_qs}});
    Result<model::Project> project = m_projects.findVisible(caller, projectId);
    if (!project)
        return project.error();
    Result<auth::ShareLinks::Issued> issued =
        m_links.issue(projectId, project->settings.sitePassword.shareLinkGeneration, lifetimeSeconds);
    if (!issued)
        return issued.error();
    return Link{issued->token, issued->expiresAtMs, std::move(project).value()};
}

Status ShareLinkService::revokeAll(const model::Identity &caller, qint64 projectId)
{
    Result<model::Project> project = m_projects.revokeShareLinks(caller, projectId);
    if (!project)
        return project.error();
    return {};
}

} // namespace ddd::core::deploy
