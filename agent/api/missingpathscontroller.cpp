// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/missingpathscontroller.h"

#include "agent/api/jsonbody.h"
#include "agent/http/errorresponse.h"
#include "agent/site/missingpaths.h"
#include "core/deploy/projectservice.h"
#include "core/wire/timestampjson.h"

#include <QJsonArray>

namespace ddd::agent::api {

MissingPathsController::MissingPathsController(core::deploy::ProjectService &projects,
                                               const site::MissingPaths &missing)
    : m_projects(projects), m_missing(missing)
{
}

http::Response MissingPathsController::list(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    // Ownership first: another user's project answers like a missing one.
    if (auto project = m_projects.get(call.identity(), *id); !project)
        return http::errorResponse(project.error());
    QJsonArray items;
    for (const site::MissingPaths::Entry &entry : m_missing.forProject(*id))
        items.append(QJsonObject{
            {u"path"_qs, entry.path},
            {u"count"_qs, entry.count},
            {u"lastSeen"_qs, core::wire::timestampToJson(entry.lastSeenMs)},
        });
    return http::Response::json(200, QJsonObject{
        {u"items"_qs, items},
        {u"limit"_qs, site::MissingPaths::pathsPerProject},
    });
}

} // namespace ddd::agent::api
