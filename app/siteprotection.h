// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCoreApplication>
#include <QString>

namespace ddd::core::client {
struct RemoteProject;
}

namespace ddd::app {

// Who can see a project's site, as the agent enforces it (docs/api.md, "Site
// protection"): the operator's force wins over the project's own setting, and
// the staging-only scope leaves the live domain public.
class SiteProtection final
{
    Q_DECLARE_TR_FUNCTIONS(SiteProtection)

public:
    enum class State { Public, EveryAddress, StagingAndPreviews, ForcedByOperator };

    static State of(const core::client::RemoteProject &project);
    // True when some address asks for the password, so share links matter.
    static bool isProtected(const core::client::RemoteProject &project);
    // One translated sentence for the project view.
    static QString describe(const core::client::RemoteProject &project);
};

} // namespace ddd::app
