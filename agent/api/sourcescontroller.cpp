// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/sourcescontroller.h"

#include "agent/api/jsonbody.h"
#include "agent/api/pagequery.h"
#include "agent/api/queryflag.h"
#include "agent/http/errorresponse.h"
#include "core/build/sourceservice.h"
#include "core/wire/buildjson.h"

#include <QJsonArray>

namespace ddd::agent::api {

using core::Error;
using core::build::SourceUploads;

SourcesController::SourcesController(core::build::SourceService &sources, SourceUploads &uploads)
    : m_sources(sources), m_uploads(uploads)
{
}

// Everything but the archive itself is checked here, before a byte of it.
core::Result<OpenedUpload> SourcesController::openArchive(Call &call) const
{
    auto projectId = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!projectId)
        return projectId.error();
    auto build = QueryFlag::read(call.request, u"build"_qs);
    if (!build)
        return build.error();
    auto activate = QueryFlag::read(call.request, u"activate"_qs);
    if (!activate)
        return activate.error();
    // Without activate=1 the project's "publish builds automatically" decides.
    const SourceUploads::Options options{*build, *activate ? std::optional<bool>(true) : std::nullopt};
    auto upload = m_uploads.openArchive(call.identity(), *projectId, options, call.declaredBodyBytes());
    if (!upload)
        return upload.error();
    return OpenedUpload::of(std::move(*upload), &SourcesController::created);
}

http::Response SourcesController::finalizeUpload(Call &call, const QJsonObject &body) const
{
    const QJsonValue build = body.value(u"build"_qs);
    const QJsonValue activate = body.value(u"activate"_qs);
    if ((!build.isUndefined() && !build.isBool()) || (!activate.isUndefined() && !activate.isBool()))
        return http::errorResponse(Error::make(u"request.invalid_field"_qs, u"'build' and 'activate' are true or false"_qs,
                                               QJsonObject{{u"field"_qs, build.isBool() ? u"activate"_qs : u"build"_qs}}));
    const SourceUploads::Options options{build.toBool(false),
                                         activate.isBool() ? std::optional<bool>(activate.toBool()) : std::nullopt};
    return created(m_uploads.finalize(call.identity(), call.param(u"id"_qs), options));
}

// 201 with the source, or {"source", "build"} when a build was asked for.
http::Response SourcesController::created(const core::Result<SourceUploads::Arrival> &arrival)
{
    if (!arrival)
        return http::errorResponse(arrival.error());
    if (!arrival->build)
        return http::Response::json(201, core::wire::sourceToJson(arrival->source));
    return http::Response::json(201, QJsonObject{{u"source"_qs, core::wire::sourceToJson(arrival->source)},
                                                 {u"build"_qs, core::wire::buildToJson(*arrival->build)}});
}

http::Response SourcesController::list(Call &call) const
{
    auto projectId = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!projectId)
        return http::errorResponse(projectId.error());
    const PageQuery::Listing listing{u"sources"_qs, *projectId, 50, 200};
    auto request = PageQuery::read(call.request, listing);
    if (!request)
        return http::errorResponse(request.error());
    return PageQuery::answer(m_sources.listPage(call.identity(), *projectId, *request), listing,
                             core::wire::sourceToJson,
                             [](const core::model::Source &source) { return core::model::PageKey{source.number}; });
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
