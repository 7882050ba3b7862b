// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/agentroles.h"

namespace ddd::agent {

core::Result<AgentRoles> AgentRoles::parse(const QStringList &names)
{
    AgentRoles roles{false, false, false};
    for (const QString &name : names) {
        if (name == u"api"_qs)
            roles.api = true;
        else if (name == u"build"_qs)
            roles.build = true;
        else if (name == u"site"_qs)
            roles.site = true;
        else
            return core::Error::make(u"config.invalid"_qs, u"agent.roles: unknown role \"%1\" (api, build, site)"_qs.arg(name));
    }
    if (!roles.api && !roles.build && !roles.site)
        return core::Error::make(u"config.invalid"_qs, u"agent.roles must name at least one of api, build, site"_qs);
    if (roles.api != roles.build)
        return core::Error::make(u"config.invalid"_qs, u"agent.roles: api and build go together for now (builds are "
                                                        "queued in the API agent's memory)"_qs);
    return roles;
}

} // namespace ddd::agent
