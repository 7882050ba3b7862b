// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/siteprotection.h"

#include "core/client/remoteproject.h"

namespace ddd::app {

using core::client::RemoteProject;

SiteProtection::State SiteProtection::of(const RemoteProject &project)
{
    if (project.settings.sitePasswordForced)
        return State::ForcedByOperator;
    if (!project.settings.sitePasswordEnabled)
        return State::Public;
    if (project.settings.sitePasswordScope == RemoteProject::ProtectionScope::StagingOnly)
        return State::StagingAndPreviews;
    return State::EveryAddress;
}

bool SiteProtection::isProtected(const RemoteProject &project)
{
    return of(project) != State::Public;
}

QString SiteProtection::describe(const RemoteProject &project)
{
    switch (of(project)) {
    case State::Public:
        return tr("Public: anyone who knows an address can see the site.");
    case State::EveryAddress:
        return tr("Password on every address: visitors sign in as a site user or open a share link.");
    case State::StagingAndPreviews:
        return project.domain
            ? tr("Password on the staging and preview addresses only; the live address is public.")
            : tr("Password on the staging and preview addresses; the site has no live domain yet.");
    case State::ForcedByOperator:
        return tr("Password on every address: the agent's operator requires it for every site.");
    }
    return {};
}

} // namespace ddd::app
