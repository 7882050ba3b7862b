// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/api/certificatecontroller.h"

#include "agent/api/jsonbody.h"
#include "agent/http/errorresponse.h"
#include "core/acme/certificatemanager.h"
#include "core/acme/renewalpolicy.h"
#include "core/deploy/projectservice.h"

#include <QJsonArray>

namespace ddd::agent::api {

namespace {

// The answer when there is nothing to show: ACME off, or no domain.
QJsonObject noCertificate(bool enabled)
{
    return QJsonObject{
        {u"enabled"_qs, enabled}, {u"names"_qs, QJsonArray()}, {u"state"_qs, u"none"_qs},
        {u"notAfter"_qs, QJsonValue::Null}, {u"issuedAt"_qs, QJsonValue::Null},
        {u"lastAttempt"_qs, QJsonValue::Null}, {u"nextAttempt"_qs, QJsonValue::Null},
        {u"lastError"_qs, QJsonValue::Null}, {u"failures"_qs, 0},
    };
}

} // namespace

CertificateController::CertificateController(core::deploy::ProjectService &projects,
                                             const core::acme::CertificateManager *manager)
    : m_projects(projects), m_manager(manager)
{
}

http::Response CertificateController::get(Call &call) const
{
    auto id = JsonBody::id(call.param(u"id"_qs), u"project.not_found"_qs);
    if (!id)
        return http::errorResponse(id.error());
    auto project = m_projects.get(call.identity(), *id);
    if (!project)
        return http::errorResponse(project.error());
    const QStringList names = core::acme::RenewalPolicy::namesFor(project->domain, project->aliases);
    if (!m_manager || names.isEmpty())
        return http::Response::json(200, noCertificate(m_manager != nullptr));
    // Before the manager's first pass over a new domain there is no status
    // yet: the names are asked for, nothing was tried.
    core::acme::CertificateStatus status = m_manager->status(*id).value_or(core::acme::CertificateStatus{});
    if (status.names != names) {
        status.names = names;
        status.state = core::acme::CertificateStatus::State::Pending;
        status.lastError.clear();
        status.nextAttemptMs.reset();
    }
    QJsonObject body = status.toJson();
    body.remove(u"projectId"_qs);
    body.insert(u"enabled"_qs, true);
    return http::Response::json(200, body);
}

} // namespace ddd::agent::api
