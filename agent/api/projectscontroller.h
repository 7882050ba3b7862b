// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/api/route.h"
#include "core/model/project.h"

namespace ddd::core::deploy {
class ProjectService;
}

namespace ddd::agent::api {

class SiteUrls;

// Projects: create, list, read, change, delete. Ownership is checked by
// ProjectService: other people's projects answer 404 like missing ones.
class ProjectsController final
{
public:
    // `forcedProtection`: the operator protects every site (site.force_protection).
    ProjectsController(core::deploy::ProjectService &projects, const SiteUrls &urls, bool forcedProtection);

    http::Response create(Call &call) const;  // POST /api/v1/projects -> 201 project
    http::Response list(Call &call) const;    // GET /api/v1/projects -> 200 page of projects
    http::Response get(Call &call) const;     // GET /api/v1/projects/{id} -> 200 project
    http::Response update(Call &call) const;  // PATCH /api/v1/projects/{id} -> 200 project
    http::Response remove(Call &call) const;  // DELETE /api/v1/projects/{id} -> 204

private:
    QJsonObject projectJson(const core::model::Project &project) const;

    core::deploy::ProjectService &m_projects;
    const SiteUrls &m_urls;
    bool m_forcedProtection;
};

} // namespace ddd::agent::api
