// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/api/route.h"

namespace ddd::core::build {
class BuildHookService;
}

namespace ddd::agent::api {

// Build hooks: create (the URL with the secret is shown only then), list,
// revoke, and the public trigger.
class BuildHooksController final
{
public:
    explicit BuildHooksController(core::build::BuildHookService &hooks);

    http::Response create(Call &call) const;  // POST /api/v1/projects/{id}/build-hooks {name} -> 201 hook with url
    http::Response list(Call &call) const;    // GET /api/v1/projects/{id}/build-hooks -> 200 [hook]
    http::Response revoke(Call &call) const;  // DELETE /api/v1/build-hooks/{id} -> 204
    http::Response trigger(Call &call) const; // POST /api/v1/hooks/{token} -> 202 build (200 active one)

private:
    core::build::BuildHookService &m_hooks;
};

} // namespace ddd::agent::api
