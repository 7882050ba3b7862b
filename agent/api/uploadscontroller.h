// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/api/route.h"

namespace ddd::core::deploy {
class DeploymentService;
}

namespace ddd::agent::api {

class SiteUrls;
class SourcesController;

// The incremental upload protocol: post a manifest, send only the missing
// blobs (resumable mid-file with Content-Range), then finalize into a version.
class UploadsController final
{
public:
    // `sources` finishes source sessions ({"kind": "source"}).
    UploadsController(core::deploy::DeploymentService &deploys, const SiteUrls &urls, const SourcesController &sources);

    http::Response start(Call &call) const;       // POST /api/v1/projects/{id}/uploads -> 201 plan
    http::Response blobStatus(Call &call) const;  // GET /api/v1/uploads/{id}/blobs/{sha256} -> 200 progress
    // PUT /api/v1/uploads/{id}/blobs/{sha256} -> 200 progress: the blob's
    // upload at the offset Content-Range names, opened before the body is read.
    core::Result<OpenedUpload> openBlob(Call &call) const;
    http::Response finalize(Call &call) const;    // POST /api/v1/uploads/{id}/finalize {activate?} -> 201 version

private:
    core::deploy::DeploymentService &m_deploys;
    const SiteUrls &m_urls;
    const SourcesController &m_sources;
};

} // namespace ddd::agent::api
