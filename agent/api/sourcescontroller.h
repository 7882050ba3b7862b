// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/api/route.h"
#include "core/build/sourceuploads.h"

#include <QJsonObject>

namespace ddd::core::build {
class SourceService;
} // namespace ddd::core::build

namespace ddd::agent::api {

// Build sources: an archive upload (optionally starting a build), the end of
// an incremental source upload, list and one. What the options decide
// (capabilities, the activate flag) core refuses before the body is read.
class SourcesController final
{
public:
    SourcesController(core::build::SourceService &sources, core::build::SourceUploads &uploads);

    // POST /api/v1/projects/{id}/sources?build&activate -> 201 source, or
    // {source, build}: the source upload core opens before the body is read.
    core::Result<OpenedUpload> openArchive(Call &call) const;
    http::Response list(Call &call) const;          // GET /api/v1/projects/{id}/sources -> 200 page of sources
    http::Response get(Call &call) const;           // GET /api/v1/sources/{id} -> 200 source
    // POST /api/v1/uploads/{id}/finalize of a source session {build?, activate?}.
    http::Response finalizeUpload(Call &call, const QJsonObject &body) const;

private:
    static http::Response created(const core::Result<core::build::SourceUploads::Arrival> &arrival);

    core::build::SourceService &m_sources;
    core::build::SourceUploads &m_uploads;
};

} // namespace ddd::agent::api
