// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/deployscontroller.h"

#include "agent/api/jsonbody.h"
#include "agent/api/pagequery.h"
#include "agent/api/queryflag.h"
#include "agent/api/siteurls.h"
#include "agent/http/errorresponse.h"
#include "core/deploy/deploymentservice.h"
#include "core/wire/versionjson.h"


namespace ddd::agent::api {

using core::Error;

namespace {
// Longer than any stored path (archive rules cap paths well below this).
constexpr qsizetype MaxPrefixLength = 1024;
} // namespace

DeploysController::DeploysController(core::deploy::DeploymentService &deploys, const SiteUrls &urls)
    : m_deploys(deploys), m_urls(urls)
{
}

http::Response DeploysController::versionResponse(int status, const core::Result<core::model::Version> &version) const
{
    return version ? http::Response::json(status, m_urls.versionJson(*version)) : http::errorResponse(version.error());
}

// Everything but the archive itself is checked here, before a byte of it.
core::Result<OpenedUpload> DeploysController::openArchive(Call &call) const
{
    auto projectId = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!projectId)
        return projectId.error();
    auto activate = QueryFlag::read(call.request, u"activate"_qs);
    if (!activate)
        return activate.error();
    auto upload = m_deploys.openArchive(call.identity(), *projectId, *activate, call.declaredBodyBytes());
    if (!upload)
        return upload.error();
    return OpenedUpload::of(std::move(*upload), [this](const core::Result<core::model::Version> &version) {
        return versionResponse(201, version);
    });
}

http::Response DeploysController::list(Call &call) const
{
    auto projectId = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!projectId)
        return http::errorResponse(projectId.error());
    const PageQuery::Listing listing{u"deploys"_qs, *projectId, 50, 200};
    auto request = PageQuery::read(call.request, listing);
    if (!request)
        return http::errorResponse(request.error());
    return PageQuery::answer(
        m_deploys.listPage(call.identity(), *projectId, *request), listing,
        [this](const core::model::Version &version) { return m_urls.versionJson(version); },
        [](const core::model::Version &version) { return core::model::PageKey{version.number}; });
}

// Without its files since they are paged (files()): a 100,000-file version
// would answer megabytes here.
http::Response DeploysController::get(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"deploy.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    return versionResponse(200, m_deploys.get(call.identity(), *id, false));
}

http::Response DeploysController::files(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"deploy.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    const PageQuery::Listing listing{u"files"_qs, *id, 1000, 10000};
    auto request = PageQuery::read(call.request, listing);
    if (!request)
        return http::errorResponse(request.error());
    request->prefix = call.request.query.queryItemValue(u"prefix"_qs, QUrl::FullyDecoded);
    if (request->prefix.size() > MaxPrefixLength)
        return http::errorResponse(Error::make(u"request.invalid_field"_qs, u"prefix is too long"_qs,
                                               QJsonObject{{u"field"_qs, u"prefix"_qs}}));
    return PageQuery::answer(m_deploys.filesPage(call.identity(), *id, *request), listing,
                             core::wire::versionFileToJson,
                             [](const core::model::VersionFile &file) { return core::model::PageKey{0, 0, file.path}; });
}

http::Response DeploysController::update(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"deploy.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    auto body = JsonBody::parse(call.request, {u"pinned"_qs});
    if (!body)
        return http::errorResponse(body.error());
    if (!body->value(u"pinned"_qs).isBool())
        return http::errorResponse(Error::make(u"request.invalid_field"_qs, u"'pinned' must be true or false"_qs,
                                               QJsonObject{{u"field"_qs, u"pinned"_qs}}));
    return versionResponse(200, m_deploys.setPinned(call.identity(), *id, body->value(u"pinned"_qs).toBool()));
}

http::Response DeploysController::remove(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"deploy.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    auto status = m_deploys.remove(call.identity(), *id);
    return status ? http::Response::noContent() : http::errorResponse(status.error());
}

http::Response DeploysController::activate(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"deploy.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    return versionResponse(200, m_deploys.activate(call.identity(), *id));
}

http::Response DeploysController::rollback(Call &call) const
{
    auto projectId = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!projectId)
        return http::errorResponse(projectId.error());
    auto body = JsonBody::parse(call.request, {u"deployId"_qs});
    if (!body)
        return http::errorResponse(body.error());
    std::optional<qint64> target;
    if (const QJsonValue value = body->value(u"deployId"_qs); !value.isUndefined() && !value.isNull()) {
        auto id = JsonBody::id(QString::number(value.toInteger()), u"deploy.not_found"_qs);
        if (!value.isDouble() || !id)
            return http::errorResponse(Error::make(u"request.invalid_field"_qs, u"'deployId' must be a deploy id"_qs,
                                                   QJsonObject{{u"field"_qs, u"deployId"_qs}}));
        target = *id;
    }
    return versionResponse(200, m_deploys.rollback(call.identity(), *projectId, target));
}

} // namespace ddd::agent::api
