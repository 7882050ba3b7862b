// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QUrl>

namespace ddd::core::client {
struct RemoteProject;
}
namespace ddd::core::model {
struct Version;
}

namespace ddd::app {

struct AgentProfile;

// Where a project's site is reached. The agent's own `urls` and
// `previewUrl` come first: it knows its site scheme and port. Agents that
// predate them get addresses built from the domain, the staging host and the
// profile's "Sites address".
class SiteAddresses final
{
public:
    // Empty when the project has no domain.
    static QUrl production(const core::client::RemoteProject &project, const AgentProfile &profile);
    // Empty when the agent names no staging host.
    static QUrl staging(const core::client::RemoteProject &project, const AgentProfile &profile);
    // The address "Open Site" opens: production, else staging.
    static QUrl primary(const core::client::RemoteProject &project, const AgentProfile &profile);
    // Empty when the agent offers no preview of this version.
    static QUrl preview(const core::model::Version &version);
};

} // namespace ddd::app
