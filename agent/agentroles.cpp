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
    return roles;
}

// Builds are queued in the database and their sources kept in the bucket,
// so api and build may live on different agents only when they share both.
// An agent that follows another reads the other's records and fetches
// blobs from the bucket, writing only its heartbeat (and, with acme.enabled,
// the certificates it orders). Without a shared database certificates are
// the writer's to obtain, on its own site listener; with one, any agent may
// order them into the database and every site agent answers and serves.
core::Status AgentRoles::checkFor(bool acmeEnabled, bool sharedDatabase, bool sharedBlobs) const
{
    if (acmeEnabled && !sharedDatabase && !(api && site))
        return core::Error::make(u"config.invalid"_qs, u"acme.enabled needs the api and site roles: certificates "
                                                        "are obtained by the agent that writes, and its site listener "
                                                        "answers the challenges"_qs);
    if (api != build && !(sharedDatabase && sharedBlobs))
        return core::Error::make(u"config.invalid"_qs, u"agent.roles with only one of api and build needs "
                                                        "database.url and blobs.s3.endpoint: builds are queued by an "
                                                        "agent with api and run by one with build, through them"_qs);
    if (followsAnother() && !(sharedDatabase && sharedBlobs))
        return core::Error::make(u"config.invalid"_qs, u"agent.roles without api needs database.url and "
                                                        "blobs.s3.endpoint: the agent serves what an agent with api "
                                                        "records there"_qs);
    return {};
}

} // namespace ddd::agent
