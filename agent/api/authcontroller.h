// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/api/route.h"

namespace ddd::core::auth {
class AuthService;
}

namespace ddd::agent::api {

// Sign-up, login, the calling account and password changes.
class AuthController final
{
public:
    AuthController(core::auth::AuthService &auth, bool allowSignup);

    // POST /api/v1/auth/register {email, password} -> 201 {token, expiresAt, user}
    http::Response registerUser(Call &call) const;
    // POST /api/v1/auth/login {email, password} -> 200 {token, expiresAt, user}
    http::Response login(Call &call) const;
    // GET /api/v1/me -> 200 user
    http::Response me(Call &call) const;
    // POST /api/v1/me/password {currentPassword, newPassword} -> 200 {token, expiresAt, user}
    http::Response changePassword(Call &call) const;

private:
    core::auth::AuthService &m_auth;
    bool m_allowSignup;
};

} // namespace ddd::agent::api
