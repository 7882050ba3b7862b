// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/api/route.h"
#include "core/model/source.h"

#include <QJsonObject>

namespace ddd::core::build {
class BuildService;
class SourceService;
} // namespace ddd::core::build

namespace ddd::core::deploy {
class DeploymentService;
}

namespace ddd::agent::api {

// Build sources: an archive upload (optionally starting a build), the end of
// an incremental source upload, list and one. What can be refused before
// the body is read (capabilities, the activate flag) is refused then.
class SourcesController final
{
public:
    SourcesController(core::build::SourceService &sources, core::build::BuildService &builds,
                      core::deploy::DeploymentService &deploys);

    core::Result<std::unique_ptr<http::BodySink>> openArchiveSink(Call &call) const;
    http::Response uploadArchive(Call &call) const; // POST /api/v1/projects/{id}/sources -> 201 source
    http::Response list(Call &call) const;          // GET /api/v1/projects/{id}/sources -> 200 [source]
    http::Response get(Call &call) const;           // GET /api/v1/sources/{id} -> 200 source
    // POST /api/v1/uploads/{id}/finalize of a source session {build?, activate?}.
    http::Response finalizeUpload(Call &call, const QJsonObject &body) const;

private:
    http::Response created(Call &call, const core::Result<core::model::Source> &source, bool build,
                           std::optional<bool> activate) const;

    core::build::SourceService &m_sources;
    core::build::BuildService &m_builds;
    core::deploy::DeploymentService &m_deploys;
};

} // namespace ddd::agent::api
