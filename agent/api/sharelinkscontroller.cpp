// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/sharelinkscontroller.h"

#include "agent/api/jsonbody.h"
#include "agent/api/siteurls.h"
#include "agent/http/errorresponse.h"
#include "core/deploy/sharelinkservice.h"
#include "core/wire/timestampjson.h"

namespace ddd::agent::api {

namespace {

core::Result<qint64> readLifetime(const QJsonObject &body)
{
    const QJsonValue value = body.value(u"expiresInSeconds"_qs);
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number != double(qint64(number)))
        return core::Error::make(u"request.invalid_field"_qs, u"expiresInSeconds must be a whole number of seconds"_qs,
                                 QJsonObject{{u"field"_qs, u"expiresInSeconds"_qs}});
    return qint64(number);
}

// The host a visitor should open: staging when only staging is protected
// (production is public anyway), else the production domain if there is one.
QString linkHost(const core::model::Project &project, const SiteUrls &urls)
{
    const bool stagingOnly =
        project.settings.sitePassword.scope == core::model::ProjectSettings::ProtectionScope::StagingOnly;
    if (project.domain && !stagingOnly)
        return *project.domain;
    return urls.stagingHost(project.slug);
}

} // namespace

ShareLinksController::ShareLinksController(core::deploy::ShareLinkService &links, const SiteUrls &urls)
    : m_links(links), m_urls(urls)
{
}

http::Response ShareLinksController::issue(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    auto body = JsonBody::parse(call.request, {u"expiresInSeconds"_qs});
    if (!body)
        return http::errorResponse(body.error());
    auto lifetime = readLifetime(*body);
    if (!lifetime)
        return http::errorResponse(lifetime.error());
    auto link = m_links.issue(call.identity(), *id, *lifetime);
    if (!link)
        return http::errorResponse(link.error());
    const QString token = QString::fromLatin1(link->token);
    return http::Response::json(201, QJsonObject{
        {u"token"_qs, token},
        {u"url"_qs, m_urls.forHost(linkHost(link->project, m_urls)) + u"?ddd_share="_qs + token},
        {u"expiresAt"_qs, core::wire::timestampToJson(link->expiresAtMs)},
    });
}

http::Response ShareLinksController::revokeAll(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    auto revoked = m_links.revokeAll(call.identity(), *id);
    return revoked ? http::Response::noContent() : http::errorResponse(revoked.error());
}

} // namespace ddd::agent::api
