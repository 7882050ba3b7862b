// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/buildscontroller.h"

#include "agent/api/buildlogeventstream.h"
#include "agent/api/jsonbody.h"
#include "agent/api/pagequery.h"
#include "agent/http/errorresponse.h"
#include "core/build/buildlogfollower.h"
#include "core/build/buildservice.h"
#include "core/wire/buildjson.h"

namespace ddd::agent::api {

namespace {

using core::Error;

Error invalidField(const QString &field, const QString &message)
{
    return Error::make(u"request.invalid_field"_qs, message, QJsonObject{{u"field"_qs, field}});
}

core::Result<std::optional<bool>> optionalBool(const QJsonObject &body, const QString &key)
{
    const QJsonValue value = body.value(key);
    if (value.isUndefined() || value.isNull())
        return std::optional<bool>();
    if (!value.isBool())
        return invalidField(key, u"'%1' must be true or false"_qs.arg(key));
    return std::optional<bool>(value.toBool());
}

// "from": "source" (the default: a retained source) or "git" (fetch first).
core::Result<core::model::BuildTrigger> triggerOf(const QJsonObject &body)
{
    const QJsonValue from = body.value(u"from"_qs);
    if (from.isUndefined() || from.isNull() || from.toString() == u"source"_qs)
        return core::model::BuildTrigger::Rebuild;
    if (from.toString() == u"git"_qs)
        return core::model::BuildTrigger::Git;
    return invalidField(u"from"_qs, u"'from' must be \"source\" or \"git\""_qs);
}

} // namespace

BuildsController::BuildsController(core::build::BuildService &builds) : m_builds(builds) {}

http::Response BuildsController::start(Call &call) const
{
    auto projectId = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!projectId)
        return http::errorResponse(projectId.error());
    auto body = JsonBody::parse(call.request, {u"sourceId"_qs, u"activate"_qs, u"from"_qs});
    if (!body)
        return http::errorResponse(body.error());
    auto trigger = triggerOf(*body);
    if (!trigger)
        return http::errorResponse(trigger.error());
    std::optional<qint64> sourceId;
    if (const QJsonValue value = body->value(u"sourceId"_qs); !value.isUndefined() && !value.isNull()) {
        if (!value.isDouble() || value.toInteger() <= 0)
            return http::errorResponse(invalidField(u"sourceId"_qs, u"'sourceId' must be a source id"_qs));
        sourceId = value.toInteger();
    }
    auto activate = optionalBool(*body, u"activate"_qs);
    if (!activate)
        return http::errorResponse(activate.error());
    if (sourceId && *trigger == core::model::BuildTrigger::Git)
        return http::errorResponse(invalidField(u"sourceId"_qs, u"A build from Git fetches its own source"_qs));
    auto started = m_builds.start(call.identity(), *projectId, sourceId, *activate, *trigger);
    if (!started)
        return http::errorResponse(started.error());
    return http::Response::json(started->created ? 202 : 200, core::wire::buildToJson(started->build));
}

http::Response BuildsController::list(Call &call) const
{
    auto projectId = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!projectId)
        return http::errorResponse(projectId.error());
    const PageQuery::Listing listing{u"builds"_qs, *projectId, 50, 200};
    auto request = PageQuery::read(call.request, listing);
    if (!request)
        return http::errorResponse(request.error());
    return PageQuery::answer(m_builds.listPage(call.identity(), *projectId, *request), listing,
                             core::wire::buildToJson,
                             [](const core::model::Build &build) { return core::model::PageKey{build.number}; });
}

http::Response BuildsController::get(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"build.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    auto build = m_builds.get(call.identity(), *id);
    return build ? http::Response::json(200, core::wire::buildToJson(*build)) : http::errorResponse(build.error());
}

http::Response BuildsController::log(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"build.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    int tail = -1;
    if (const QString text = call.request.query.queryItemValue(u"tail"_qs); !text.isEmpty()) {
        bool ok = false;
        tail = text.toInt(&ok);
        if (!ok || tail < 0)
            return http::errorResponse(invalidField(u"tail"_qs, u"'tail' must be a number of lines"_qs));
    }
    auto text = m_builds.log(call.identity(), *id, tail);
    return text ? http::Response::text(200, *text) : http::errorResponse(text.error());
}

http::Response BuildsController::stream(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"build.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    auto follower = m_builds.follow(call.identity(), *id);
    if (!follower)
        return http::errorResponse(follower.error());
    http::Response response;
    response.status = 200;
    response.headers.set("Content-Type", "text/event-stream");
    // Proxies such as nginx must pass the events on as they come.
    response.headers.set("X-Accel-Buffering", "no");
    response.stream = std::make_shared<BuildLogEventStream>(std::move(*follower));
    return response;
}

http::Response BuildsController::cancel(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"build.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    auto build = m_builds.cancel(call.identity(), *id);
    return build ? http::Response::json(200, core::wire::buildToJson(*build)) : http::errorResponse(build.error());
}

} // namespace ddd::agent::api
