// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/api/route.h"

namespace ddd::core::auth {
class ApiTokenService;
}
namespace ddd::core::deploy {
class ProjectService;
}

namespace ddd::agent::api {

// Scoped API tokens for automation: create (secret shown once), list, revoke.
class TokensController final
{
public:
    TokensController(core::auth::ApiTokenService &tokens, core::deploy::ProjectService &projects);

    // POST /api/v1/tokens {name, capabilities, projectId?, expiresAt?} -> 201 {token, secret}
    http::Response create(Call &call) const;
    // GET /api/v1/tokens -> 200 [token]
    http::Response list(Call &call) const;
    // DELETE /api/v1/tokens/{id} -> 204
    http::Response revoke(Call &call) const;

private:
    core::auth::ApiTokenService &m_tokens;
    core::deploy::ProjectService &m_projects;
};

} // namespace ddd::agent::api
