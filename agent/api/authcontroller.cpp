// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/authcontroller.h"

#include "agent/api/jsonbody.h"
#include "agent/http/errorresponse.h"
#include "core/auth/authservice.h"
#include "core/wire/timestampjson.h"
#include "core/wire/userjson.h"

namespace ddd::agent::api {

namespace {

http::Response sessionResponse(int status, const core::auth::AuthService::Session &session)
{
    return http::Response::json(status, QJsonObject{
                                            {u"token"_qs, session.token},
                                            {u"expiresAt"_qs, core::wire::timestampToJson(session.expiresAt * 1000)},
                                            {u"user"_qs, core::wire::toJson(session.user)},
                                        });
}

struct Credentials
{
    QString email;
    QString password;
};

core::Result<Credentials> readCredentials(const http::Request &request)
{
    auto body = JsonBody::parse(request, {u"email"_qs, u"password"_qs});
    if (!body)
        return body.error();
    auto email = JsonBody::requiredString(*body, u"email"_qs);
    if (!email)
        return email.error();
    auto password = JsonBody::requiredString(*body, u"password"_qs);
    if (!password)
        return password.error();
    return Credentials{*email, *password};
}

} // namespace

AuthController::AuthController(core::auth::AuthService &auth, bool allowSignup)
    : m_auth(auth), m_allowSignup(allowSignup)
{
}

http::Response AuthController::registerUser(Call &call) const
{
    if (!m_allowSignup)
        return http::errorResponse(core::Error::make(u"auth.registration_closed"_qs,
                                                     u"self sign-up is off on this agent; ask its operator for an account"_qs));
    auto credentials = readCredentials(call.request);
    if (!credentials)
        return http::errorResponse(credentials.error());
    auto session = m_auth.registerUser(credentials->email, credentials->password, m_allowSignup);
    return session ? sessionResponse(201, *session) : http::errorResponse(session.error());
}

http::Response AuthController::login(Call &call) const
{
    auto credentials = readCredentials(call.request);
    if (!credentials)
        return http::errorResponse(credentials.error());
    auto session = m_auth.login(credentials->email, credentials->password, call.request.clientAddress);
    return session ? sessionResponse(200, *session) : http::errorResponse(session.error());
}

http::Response AuthController::me(Call &call) const
{
    auto user = m_auth.account(call.identity().userId);
    return user ? http::Response::json(200, core::wire::toJson(*user)) : http::errorResponse(user.error());
}

http::Response AuthController::changePassword(Call &call) const
{
    auto body = JsonBody::parse(call.request, {u"currentPassword"_qs, u"newPassword"_qs});
    if (!body)
        return http::errorResponse(body.error());
    auto current = JsonBody::requiredString(*body, u"currentPassword"_qs);
    auto next = JsonBody::requiredString(*body, u"newPassword"_qs);
    if (!current || !next)
        return http::errorResponse(!current ? current.error() : next.error());
    auto session = m_auth.changePassword(call.identity().userId, *current, *next, call.request.clientAddress);
    return session ? sessionResponse(200, *session) : http::errorResponse(session.error());
}

} // namespace ddd::agent::api
