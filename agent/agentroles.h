// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QStringList>

namespace ddd::agent {

// What an agent does among several sharing one PostgreSQL database and one
// bucket (agent.roles, issue 12):
// - api: the REST API, and with it everything that writes (deploys,
//   activation, retention, precompression, webhooks); it queues builds;
// - build: runs builds, claimed from the queue in the database, their logs
//   shipped into it; a finished build records its version, so this agent
//   writes too. Apart from api only with a shared database and bucket,
//   where an agent with the other role finds the queue and the sources;
// - site: the site listener.
// Agents with api or build hold the database's writer lock (WriterLock):
// side by side when they share a bucket, alone otherwise. An agent with only site
// follows them (SiteFollower) and needs the shared database and bucket to
// have anything to serve; writers follow what other writers record the same
// way. Certificates are ordered by whichever agent with acme.enabled holds
// the issuer lock.
struct AgentRoles final
{
    bool api = true;
    bool build = true;
    bool site = true;

    // `config.invalid` for an unknown name or an empty list.
    static core::Result<AgentRoles> parse(const QStringList &names);
    // `config.invalid` when the rest of the configuration cannot serve these
    // roles: certificates need api and site on an agent of its own (with a
    // shared database any agent may order them); api without build, build
    // without api, and an agent that follows another need the shared
    // database and bucket to reach the agents with the other roles.
    core::Status checkFor(bool acmeEnabled, bool sharedDatabase, bool sharedBlobs) const;
    // Serves what another agent records, writing only its heartbeat.
    bool followsAnother() const { return !api && !build; }
};

} // namespace ddd::agent
