// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/siteaddresses.h"

#include "app/agentprofile.h"
#include "core/client/remoteproject.h"
#include "core/model/version.h"

namespace ddd::app {

QUrl SiteAddresses::production(const core::client::RemoteProject &project, const AgentProfile &profile)
{
    if (project.urls)
        return project.urls->production.value_or(QUrl());
    return project.domain ? profile.siteAddress(*project.domain) : QUrl();
}

QUrl SiteAddresses::staging(const core::client::RemoteProject &project, const AgentProfile &profile)
{
    if (project.urls)
        return project.urls->staging;
    return project.stagingHost.isEmpty() ? QUrl() : profile.siteAddress(project.stagingHost);
}

QUrl SiteAddresses::primary(const core::client::RemoteProject &project, const AgentProfile &profile)
{
    const QUrl live = production(project, profile);
    return live.isEmpty() ? staging(project, profile) : live;
}

QUrl SiteAddresses::preview(const core::model::Version &version)
{
    return version.previewUrl;
}

} // namespace ddd::app
