// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QStringList>

namespace ddd::agent {

// What an agent does among several sharing one PostgreSQL database and one
// bucket (agent.roles, issue 12):
// - api: the REST API, and with it everything that writes (deploys,
//   activation, retention, precompression, webhooks);
// - build: runs builds, claimed from the queue in the database, their logs
//   shipped into it. Only with api for now: a finished build records a
//   version, which only a writer may;
// - site: the site listener.
// Agents with api hold the database's writer lock (WriterLock): side by
// side when they share a bucket, alone otherwise. An agent with only site
// follows them (SiteFollower) and needs the shared database and bucket to
// have anything to serve; writers follow what other writers record the same
// way. Certificates are ordered by whichever agent with acme.enabled holds
// the issuer lock.
struct AgentRoles final
{
    bool api = true;
    bool build = true;
    bool site = true;

    // `config.invalid` for an unknown name, an empty list, or api without
    // build (or the other way round).
    static core::Result<AgentRoles> parse(const QStringList &names);
    // `config.invalid` when the rest of the configuration cannot serve these
    // roles: certificates need api and site on an agent of its own (with a
    // shared database any agent may order them); an agent that follows another
    // needs the shared database and bucket to find anything to serve.
    core::Status checkFor(bool acmeEnabled, bool sharedDatabase, bool sharedBlobs) const;
    // Serves what another agent records, writing only its heartbeat.
    bool followsAnother() const { return !api; }
};

} // namespace ddd::agent
