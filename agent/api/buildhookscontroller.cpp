// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/buildhookscontroller.h"

#include "agent/api/jsonbody.h"
#include "agent/http/errorresponse.h"
#include "core/build/buildhookservice.h"
#include "core/wire/buildjson.h"

#include <QJsonArray>

namespace ddd::agent::api {

BuildHooksController::BuildHooksController(core::build::BuildHookService &hooks) : m_hooks(hooks) {}

http::Response BuildHooksController::create(Call &call) const
{
    auto projectId = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!projectId)
        return http::errorResponse(projectId.error());
    auto body = JsonBody::parse(call.request, {u"name"_qs});
    if (!body)
        return http::errorResponse(body.error());
    auto name = JsonBody::requiredString(*body, u"name"_qs);
    if (!name)
        return http::errorResponse(name.error());
    auto created = m_hooks.create(call.identity(), *projectId, *name);
    if (!created)
        return http::errorResponse(created.error());
    QJsonObject out = core::wire::buildHookToJson(created->hook);
    // The address the caller reached us by; the secret is in the path.
    const QString scheme = call.request.headers.value("X-Forwarded-Proto") == "https" ? u"https"_qs : u"http"_qs;
    const QString authority = QString::fromLatin1(call.request.headers.value("Host"));
    out.insert(u"url"_qs, scheme + u"://"_qs + authority + u"/api/v1/hooks/"_qs + created->token);
    return http::Response::json(201, out);
}

http::Response BuildHooksController::list(Call &call) const
{
    auto projectId = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!projectId)
        return http::errorResponse(projectId.error());
    auto hooks = m_hooks.list(call.identity(), *projectId);
    if (!hooks)
        return http::errorResponse(hooks.error());
    QJsonArray out;
    for (const auto &hook : *hooks)
        out.append(core::wire::buildHookToJson(hook));
    return http::Response::json(200, out);
}

http::Response BuildHooksController::revoke(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"hook.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    auto revoked = m_hooks.revoke(call.identity(), *id);
    return revoked ? http::Response::noContent() : http::errorResponse(revoked.error());
}

http::Response BuildHooksController::trigger(Call &call) const
{
    auto started = m_hooks.trigger(call.param(u"token"_qs), call.request.clientAddress);
    if (!started)
        return http::errorResponse(started.error());
    return http::Response::json(started->created ? 202 : 200, core::wire::buildToJson(started->build));
}

} // namespace ddd::agent::api
