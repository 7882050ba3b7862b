// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/build.h"
#include "core/model/identity.h"
#include "core/model/source.h"
#include "core/upload/upload.h"
#include "core/util/result.h"

#include <QString>

#include <memory>
#include <optional>

namespace ddd::core::build {

class BuildService;
class SourceService;

// A source arriving with what its uploader asked for next: `build` starts a
// build of it (trigger "upload"), `activate` asks for that build's version
// to go live (nullopt: the project's "publish builds automatically").
// The archive route and the finalize of an incremental source session both
// end here. Refusals the options cause (capabilities) are made before
// anything is received. Thread-safe.
class SourceUploads final
{
public:
    struct Options final
    {
        bool build = false;
        std::optional<bool> activate;
    };

    struct Arrival final
    {
        model::Source source;
        std::optional<model::Build> build; // when one was asked for
    };

    SourceUploads(SourceService &sources, BuildService &builds);

    // Before the body: "build", "activate" when asked, the project, disk
    // space (SourceService::openArchive); complete() records the source,
    // then starts the build. A build that cannot start (`build.queue_full`)
    // leaves the source stored, named in the error's details.sourceId.
    Result<std::unique_ptr<upload::Upload<Arrival>>> openArchive(const model::Identity &caller, qint64 projectId,
                                                                  Options options,
                                                                  std::optional<qint64> declaredBytes = {});
    // The end of an incremental source session (SourceService::fromUpload).
    Result<Arrival> finalize(const model::Identity &caller, const QString &uploadId, Options options);

private:
    Result<Arrival> arrived(const model::Identity &caller, const Result<model::Source> &source,
                            const Options &options);

    SourceService &m_sources;
    BuildService &m_builds;
};

} // namespace ddd::core::build
