// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/api/route.h"
#include "core/deploy/archiveuploads.h"

namespace ddd::core::build {
class SourceUploads;
}

namespace ddd::core::deploy {
class DeploymentService;
} // namespace ddd::core::deploy

namespace ddd::agent::api {

class SiteUrls;

// Archive uploads in pieces (docs/api.md, "Archive upload sessions"): open a
// session with the archive's size, PATCH pieces at the offset the agent
// holds (`Upload-Offset`), ask where it stands (GET or HEAD), and complete
// it into a version (or a build source) exactly as the one-shot archive
// routes would. Every answer carries `Upload-Offset` and `Upload-Length`.
class ArchiveUploadsController final
{
public:
    ArchiveUploadsController(core::deploy::DeploymentService &deploys, core::build::SourceUploads &sources,
                             const SiteUrls &urls);

    http::Response create(Call &call) const;   // POST /api/v1/projects/{id}/archive-uploads {size, sha256?} -> 201
    http::Response list(Call &call) const;     // GET /api/v1/projects/{id}/archive-uploads -> 200 {uploads}
    http::Response get(Call &call) const;      // GET|HEAD /api/v1/archive-uploads/{id} -> 200
    // PATCH /api/v1/archive-uploads/{id} -> 200: the piece at the offset
    // `Upload-Offset` (or `Content-Range`) names, opened before its body is read.
    core::Result<OpenedUpload> openChunk(Call &call) const;
    http::Response complete(Call &call) const; // POST /api/v1/archive-uploads/{id}/complete {activate?, build?} -> 201
    http::Response remove(Call &call) const;   // DELETE /api/v1/archive-uploads/{id} -> 204

private:
    template<typename T, typename Answer>
    http::Response deliver(core::Result<std::unique_ptr<core::upload::Upload<T>>> upload,
                           const core::deploy::ArchiveUploads::Ready &ready, Answer answer) const;

    core::deploy::DeploymentService &m_deploys;
    core::build::SourceUploads &m_sources;
    const SiteUrls &m_urls;
};

} // namespace ddd::agent::api
