// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/tokenscontroller.h"

#include "agent/api/jsonbody.h"
#include "agent/http/errorresponse.h"
#include "core/auth/apitokenservice.h"
#include "core/deploy/projectservice.h"
#include "core/wire/timestampjson.h"

#include <QJsonArray>

namespace ddd::agent::api {

namespace {

using core::Error;

QJsonValue optionalTime(const std::optional<qint64> &ms)
{
    return ms ? QJsonValue(core::wire::timestampToJson(*ms)) : QJsonValue(QJsonValue::Null);
}

QJsonObject tokenJson(const core::model::ApiToken &token)
{
    QStringList capabilities(token.capabilities.cbegin(), token.capabilities.cend());
    capabilities.sort();
    return QJsonObject{
        {u"id"_qs, token.id},
        {u"name"_qs, token.name},
        {u"capabilities"_qs, QJsonArray::fromStringList(capabilities)},
        {u"projectId"_qs, token.projectId ? QJsonValue(*token.projectId) : QJsonValue(QJsonValue::Null)},
        {u"expiresAt"_qs, optionalTime(token.expiresAt)},
        {u"createdAt"_qs, core::wire::timestampToJson(token.createdAt)},
        {u"lastUsedAt"_qs, optionalTime(token.lastUsedAt)},
    };
}

core::Result<QSet<QString>> readCapabilities(const QJsonObject &body)
{
    const QJsonValue value = body.value(u"capabilities"_qs);
    Error invalid = Error::make(u"request.invalid_field"_qs, u"'capabilities' must be a list of strings"_qs,
                                QJsonObject{{u"field"_qs, u"capabilities"_qs}});
    if (!value.isArray())
        return invalid;
    QSet<QString> capabilities;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString())
            return invalid;
        capabilities.insert(item.toString());
    }
    return capabilities;
}

// projectId must name a project the caller can see; expiresAt is optional.
core::Result<std::pair<std::optional<qint64>, std::optional<qint64>>> readScope(const QJsonObject &body)
{
    std::optional<qint64> projectId;
    std::optional<qint64> expiresAt;
    if (const QJsonValue p = body.value(u"projectId"_qs); !p.isUndefined() && !p.isNull()) {
        if (!p.isDouble() || p.toDouble() != double(p.toInteger()) || p.toInteger() <= 0)
            return Error::make(u"request.invalid_field"_qs, u"'projectId' must be a project id"_qs,
                               QJsonObject{{u"field"_qs, u"projectId"_qs}});
        projectId = p.toInteger();
    }
    if (const QJsonValue e = body.value(u"expiresAt"_qs); !e.isUndefined() && !e.isNull()) {
        expiresAt = e.isString() ? core::wire::timestampFromJson(e.toString()) : std::nullopt;
        if (!expiresAt)
            return Error::make(u"request.invalid_field"_qs, u"'expiresAt' must be an ISO 8601 time with a zone"_qs,
                               QJsonObject{{u"field"_qs, u"expiresAt"_qs}});
    }
    return std::pair{projectId, expiresAt};
}

} // namespace

TokensController::TokensController(core::auth::ApiTokenService &tokens, core::deploy::ProjectService &projects)
    : m_tokens(tokens), m_projects(projects)
{
}

http::Response TokensController::create(Call &call) const
{
    auto body = JsonBody::parse(call.request, {u"name"_qs, u"capabilities"_qs, u"projectId"_qs, u"expiresAt"_qs});
    if (!body)
        return http::errorResponse(body.error());
    auto name = JsonBody::requiredString(*body, u"name"_qs);
    if (!name)
        return http::errorResponse(name.error());
    auto capabilities = readCapabilities(*body);
    if (!capabilities)
        return http::errorResponse(capabilities.error());
    auto scope = readScope(*body);
    if (!scope)
        return http::errorResponse(scope.error());
    if (scope->first)
        if (auto project = m_projects.get(call.identity(), *scope->first); !project)
            return http::errorResponse(project.error());
    auto created = m_tokens.create(call.identity().userId, *name, *capabilities, scope->first, scope->second);
    if (!created)
        return http::errorResponse(created.error());
    return http::Response::json(201, QJsonObject{{u"token"_qs, tokenJson(created->token)}, {u"secret"_qs, created->secret}});
}

http::Response TokensController::list(Call &call) const
{
    auto tokens = m_tokens.list(call.identity().userId);
    if (!tokens)
        return http::errorResponse(tokens.error());
    QJsonArray out;
    for (const auto &token : *tokens)
        out.append(tokenJson(token));
    return http::Response::json(200, out);
}

http::Response TokensController::revoke(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"token.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    auto status = m_tokens.revoke(call.identity().userId, *id);
    return status ? http::Response::noContent() : http::errorResponse(status.error());
}

} // namespace ddd::agent::api
