// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/api/route.h"

namespace ddd::core::deploy {
class ProjectService;
}

namespace ddd::agent::site {
class MissingPaths;
}

namespace ddd::agent::api {

// The paths visitors of a project's sites asked for and got a 404
// (site::MissingPaths), for the owner to find missing files.
class MissingPathsController final
{
public:
    MissingPathsController(core::deploy::ProjectService &projects, const site::MissingPaths &missing);

    http::Response list(Call &call) const; // GET /api/v1/projects/{id}/missing-paths

private:
    core::deploy::ProjectService &m_projects;
    const site::MissingPaths &m_missing;
};

} // namespace ddd::agent::api
