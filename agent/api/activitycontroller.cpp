// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/activitycontroller.h"

#include "agent/api/jsonbody.h"
#include "agent/api/pagequery.h"
#include "core/deploy/activitylog.h"
#include "core/wire/activityjson.h"

namespace ddd::agent::api {

namespace {

// `?version=N`: a version number as users see it (v4 is 4).
core::Result<std::optional<qint64>> versionFilter(const http::Request &request)
{
    if (!request.query.hasQueryItem(u"version"_qs))
        return std::optional<qint64>();
    const QString text = request.query.queryItemValue(u"version"_qs);
    bool ok = false;
    const qint64 number = text.size() <= 18 && !text.contains(u'+') ? text.toLongLong(&ok) : 0;
    if (!ok || number < 1 || text.trimmed() != text)
        return core::Error::make(u"request.invalid_field"_qs, u"version must be a version number (1 or more)"_qs,
                                 QJsonObject{{u"field"_qs, u"version"_qs}});
    return std::optional<qint64>(number);
}

} // namespace

ActivityController::ActivityController(core::deploy::ActivityLog &log) : m_log(log) {}

http::Response ActivityController::list(Call &call) const
{
    auto projectId = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!projectId)
        return http::errorResponse(projectId.error());
    const PageQuery::Listing listing{u"activity"_qs, *projectId, 50, 200};
    auto request = PageQuery::read(call.request, listing);
    if (!request)
        return http::errorResponse(request.error());
    auto version = versionFilter(call.request);
    if (!version)
        return http::errorResponse(version.error());
    const core::model::ActivityFilter filter{call.request.query.queryItemValue(u"kind"_qs, QUrl::FullyDecoded),
                                             *version};
    return PageQuery::answer(m_log.page(call.identity(), *projectId, filter, *request), listing,
                             core::wire::activityEntryToJson,
                             [](const core::model::ActivityEntry &entry) { return core::model::PageKey{0, entry.id}; });
}

} // namespace ddd::agent::api
