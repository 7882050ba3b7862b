// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/projectscontroller.h"

#include "agent/api/jsonbody.h"
#include "agent/api/pagequery.h"
#include "agent/api/siteurls.h"
#include "agent/http/errorresponse.h"
#include "core/deploy/projectservice.h"


namespace ddd::agent::api {

namespace {
const QStringList kProjectFields = {u"name"_qs, u"domain"_qs, u"aliases"_qs, u"settings"_qs};
}

ProjectsController::ProjectsController(core::deploy::ProjectService &projects, const SiteUrls &urls,
                                       bool forcedProtection)
    : m_projects(projects), m_urls(urls), m_forcedProtection(forcedProtection)
{
}

QJsonObject ProjectsController::projectJson(const core::model::Project &project) const
{
    QJsonObject json = m_urls.projectJson(project);
    // The setting as stored, plus whether the operator overrides it: what a
    // visitor meets is never left for the client to guess.
    QJsonObject settings = json.value(u"settings"_qs).toObject();
    QJsonObject sitePassword = settings.value(u"sitePassword"_qs).toObject();
    sitePassword.insert(u"forced"_qs, m_forcedProtection);
    settings.insert(u"sitePassword"_qs, sitePassword);
    // Whether https settings can be turned on now (a site HTTPS listener),
    // so a client offers only settings that do something.
    QJsonObject https = settings.value(u"https"_qs).toObject();
    https.insert(u"available"_qs, m_projects.httpsAvailable());
    settings.insert(u"https"_qs, https);
    json.insert(u"settings"_qs, settings);
    return json;
}

http::Response ProjectsController::create(Call &call) const
{
    auto body = JsonBody::parse(call.request, kProjectFields);
    if (!body)
        return http::errorResponse(body.error());
    auto project = m_projects.createFromJson(call.identity(), *body);
    return project ? http::Response::json(201, projectJson(*project)) : http::errorResponse(project.error());
}

http::Response ProjectsController::list(Call &call) const
{
    // Scoped to the caller: another account's cursor is another listing.
    const PageQuery::Listing listing{u"projects"_qs, call.identity().userId, 50, 200};
    auto request = PageQuery::read(call.request, listing);
    if (!request)
        return http::errorResponse(request.error());
    return PageQuery::answer(
        m_projects.listPage(call.identity(), *request), listing,
        [this](const core::model::Project &project) { return projectJson(project); },
        [](const core::model::Project &project) { return core::model::PageKey{project.createdAt, project.id}; });
}

http::Response ProjectsController::get(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    auto project = m_projects.get(call.identity(), *id);
    return project ? http::Response::json(200, projectJson(*project)) : http::errorResponse(project.error());
}

http::Response ProjectsController::update(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    auto body = JsonBody::parse(call.request, kProjectFields);
    if (!body)
        return http::errorResponse(body.error());
    auto project = m_projects.update(call.identity(), *id, *body);
    return project ? http::Response::json(200, projectJson(*project)) : http::errorResponse(project.error());
}

http::Response ProjectsController::remove(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    auto status = m_projects.remove(call.identity(), *id);
    return status ? http::Response::noContent() : http::errorResponse(status.error());
}

} // namespace ddd::agent::api
