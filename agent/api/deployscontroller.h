// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/api/route.h"
#include "core/model/version.h"

namespace ddd::core::deploy {
class DeploymentService;
}

namespace ddd::agent::api {

class SiteUrls;

// Versions of a project: archive uploads, history, activation, rollback,
// pinning and deletion. Every call goes through DeploymentService, which
// checks ownership and capabilities.
class DeploysController final
{
public:
    DeploysController(core::deploy::DeploymentService &deploys, const SiteUrls &urls);

    // POST /api/v1/projects/{id}/deploys?activate -> 201 version: the archive
    // upload core opens before the body is read, and its answer.
    core::Result<OpenedUpload> openArchive(Call &call) const;
    http::Response list(Call &call) const;           // GET /api/v1/projects/{id}/deploys -> 200 page of versions
    http::Response get(Call &call) const;            // GET /api/v1/deploys/{id} -> 200 version
    http::Response files(Call &call) const;          // GET /api/v1/deploys/{id}/files?prefix -> 200 page of files
    http::Response update(Call &call) const;         // PATCH /api/v1/deploys/{id} {pinned} -> 200 version
    http::Response remove(Call &call) const;         // DELETE /api/v1/deploys/{id} -> 204
    http::Response activate(Call &call) const;       // POST /api/v1/deploys/{id}/activate -> 200 version
    http::Response rollback(Call &call) const;       // POST /api/v1/projects/{id}/rollback {deployId?} -> 200 version

private:
    http::Response versionResponse(int status, const core::Result<core::model::Version> &version) const;

    core::deploy::DeploymentService &m_deploys;
    const SiteUrls &m_urls;
};

} // namespace ddd::agent::api
