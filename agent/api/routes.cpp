// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/routes.h"

#include "agent/api/authcontroller.h"
#include "agent/api/healthcontroller.h"
#include "agent/api/projectscontroller.h"
#include "agent/api/tokenscontroller.h"

namespace ddd::agent::api {

namespace {

// Binds a const member function of a controller as a route handler.
template<typename Controller>
Handler bind(Controller &controller, http::Response (Controller::*method)(Call &) const)
{
    return [&controller, method](Call &call) { return (controller.*method)(call); };
}

} // namespace

QList<Route> apiRoutes(const Controllers &c)
{
    using enum Access;
    using enum BodyKind;
    // method, path, access, body, API-token capability, handler
    return {
        {"GET", u"/api/v1/health"_qs, Public, None, {}, bind(c.health, &HealthController::health)},
        {"GET", u"/api/v1/status"_qs, Operator, None, {}, bind(c.health, &HealthController::status)},
        {"GET", u"/metrics"_qs, Public, None, {}, bind(c.health, &HealthController::metrics)},

        {"POST", u"/api/v1/auth/register"_qs, Public, Json, {}, bind(c.auth, &AuthController::registerUser)},
        {"POST", u"/api/v1/auth/login"_qs, Public, Json, {}, bind(c.auth, &AuthController::login)},
        {"GET", u"/api/v1/me"_qs, User, None, u"read"_qs, bind(c.auth, &AuthController::me)},
        {"POST", u"/api/v1/me/password"_qs, User, Json, {}, bind(c.auth, &AuthController::changePassword)},

        {"POST", u"/api/v1/tokens"_qs, User, Json, {}, bind(c.tokens, &TokensController::create)},
        {"GET", u"/api/v1/tokens"_qs, User, None, {}, bind(c.tokens, &TokensController::list)},
        {"DELETE", u"/api/v1/tokens/{id}"_qs, User, None, {}, bind(c.tokens, &TokensController::revoke)},

        {"POST", u"/api/v1/projects"_qs, User, Json, u"projects"_qs, bind(c.projects, &ProjectsController::create)},
        {"GET", u"/api/v1/projects"_qs, User, None, u"read"_qs, bind(c.projects, &ProjectsController::list)},
        {"GET", u"/api/v1/projects/{id}"_qs, User, None, u"read"_qs, bind(c.projects, &ProjectsController::get)},
        {"PATCH", u"/api/v1/projects/{id}"_qs, User, Json, u"projects"_qs, bind(c.projects, &ProjectsController::update)},
        {"DELETE", u"/api/v1/projects/{id}"_qs, User, None, u"projects"_qs, bind(c.projects, &ProjectsController::remove)},
    };
}

} // namespace ddd::agent::api
