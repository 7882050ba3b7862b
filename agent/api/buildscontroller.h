// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/api/route.h"

namespace ddd::core::build {
class BuildService;
}

namespace ddd::agent::api {

// Builds of a project: start, list, one, log (?tail=N), the live log as
// Server-Sent Events, cancel. BuildService checks ownership and capabilities.
class BuildsController final
{
public:
    explicit BuildsController(core::build::BuildService &builds);

    http::Response start(Call &call) const;     // POST /api/v1/projects/{id}/builds -> 202 build (200 active one)
    http::Response list(Call &call) const;      // GET /api/v1/projects/{id}/builds -> 200 page of builds
    http::Response get(Call &call) const;       // GET /api/v1/builds/{id} -> 200 build
    http::Response log(Call &call) const;       // GET /api/v1/builds/{id}/log?tail=N -> 200 text/plain
    http::Response stream(Call &call) const;    // GET /api/v1/builds/{id}/log/stream -> 200 text/event-stream
    http::Response cancel(Call &call) const;    // POST /api/v1/builds/{id}/cancel -> 200 build

private:
    core::build::BuildService &m_builds;
};

} // namespace ddd::agent::api
