// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/sourcescontroller.h"

#include "agent/api/jsonbody.h"
#include "agent/api/spoolsink.h"
#include "agent/http/errorresponse.h"
#include "core/build/buildservice.h"
#include "core/build/sourceservice.h"
#include "core/deploy/deploymentservice.h"
#include "core/wire/buildjson.h"

#include <QJsonArray>

namespace ddd::agent::api {

namespace {

using core::Error;

core::Result<bool> queryFlag(const http::Request &request, const QString &name)
{
    const QString value = request.query.queryItemValue(name);
    if (value.isEmpty() || value == u"false" || value == u"0")
        return false;
    if (value == u"true" || value == u"1")
        return true;
    return Error::make(u"request.invalid_field"_qs, name + u" must be true or false"_qs,
                       QJsonObject{{u"field"_qs, name}});
}

Error forbidden(const QString &capability)
{
    return Error::make(u"auth.forbidden"_qs, u"this API token lacks the '%1' capability"_qs.arg(capability),
                       QJsonObject{{u"capability"_qs, capability}});
}

} // namespace

SourcesController::SourcesController(core::build::SourceService &sources, core::build::BuildService &builds,
                                     core::deploy::DeploymentService &deploys)
    : m_sources(sources), m_builds(builds), m_deploys(deploys)
{
}

// Everything the query decides is checked here, before a byte of the body.
core::Result<std::unique_ptr<http::BodySink>> SourcesController::openArchiveSink(Call &call) const
{
    auto projectId = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!projectId)
        return projectId.error();
    auto build = queryFlag(call.request, u"build"_qs);
    auto activate = queryFlag(call.request, u"activate"_qs);
    if (!build)
        return build.error();
    if (!activate)
        return activate.error();
    if (*activate && !call.identity().can(u"activate"_qs))
        return forbidden(u"activate"_qs);
    auto spool = m_sources.createSpool(call.identity(), *projectId);
    if (!spool)
        return spool.error();
    return SpoolSink::openFor(call.request, *spool,
                              [&deploys = m_deploys](const QString &path) { deploys.discardSpool(path); });
}

http::Response SourcesController::uploadArchive(Call &call) const
{
    const qint64 projectId = call.param(u"id"_qs).toLongLong();
    // Both were checked before the body was read.
    const auto build = queryFlag(call.request, u"build"_qs);
    const auto activate = queryFlag(call.request, u"activate"_qs);
    auto source = m_sources.fromArchive(call.identity(), projectId, call.request.bodyFile);
    return created(call, source, build && *build, activate && *activate ? std::optional<bool>(true) : std::nullopt);
}

http::Response SourcesController::finalizeUpload(Call &call, const QJsonObject &body) const
{
    const QJsonValue build = body.value(u"build"_qs);
    const QJsonValue activate = body.value(u"activate"_qs);
    if ((!build.isUndefined() && !build.isBool()) || (!activate.isUndefined() && !activate.isBool()))
        return http::errorResponse(Error::make(u"request.invalid_field"_qs, u"'build' and 'activate' are true or false"_qs,
                                               QJsonObject{{u"field"_qs, build.isBool() ? u"activate"_qs : u"build"_qs}}));
    if (activate.toBool(false) && !call.identity().can(u"activate"_qs))
        return http::errorResponse(forbidden(u"activate"_qs));
    auto source = m_sources.fromUpload(call.identity(), call.param(u"id"_qs));
    return created(call, source, build.toBool(false),
                   activate.isBool() ? std::optional<bool>(activate.toBool()) : std::nullopt);
}

// 201 with the source, or {"source", "build"} when a build was asked for.
http::Response SourcesController::created(Call &call, const core::Result<core::model::Source> &source, bool build,
                                          std::optional<bool> activate) const
{
    if (!source)
        return http::errorResponse(source.error());
    if (!build)
        return http::Response::json(201, core::wire::sourceToJson(*source));
    auto started = m_builds.start(call.identity(), source->projectId, source->id, activate,
                                  core::model::BuildTrigger::Upload);
    if (!started) {
        // The source is stored all the same: say which, so it can be built later.
        core::Error refused = started.error();
        refused.details.insert(u"sourceId"_qs, source->id);
        return http::errorResponse(refused);
    }
    return http::Response::json(201, QJsonObject{{u"source"_qs, core::wire::sourceToJson(*source)},
                                                 {u"build"_qs, core::wire::buildToJson(started->build)}});
}

http::Response SourcesController::list(Call &call) const
{
    auto projectId = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!projectId)
        return http::errorResponse(projectId.error());
    auto sources = m_sources.list(call.identity(), *projectId);
    if (!sources)
        return http::errorResponse(sources.error());
    QJsonArray out;
    for (const auto &source : *sources)
        out.append(core::wire::sourceToJson(source));
    return http::Response::json(200, out);
}

http::Response SourcesController::get(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"source.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    auto source = m_sources.get(call.identity(), *id);
    return source ? http::Response::json(200, core::wire::sourceToJson(*source)) : http::errorResponse(source.error());
}

} // namespace ddd::agent::api
