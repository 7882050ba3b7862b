// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/buildoutcome.h"
#include "core/build/gitfetcher.h"
#include "core/model/project.h"
#include "core/model/source.h"
#include "core/util/result.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>
#include <stop_token>

namespace ddd::core::build {

class BuildLogSink;
class SourceService;

// The first phase of a build from Git ("fetch"): clones the project's
// repository and branch in the sandbox (the only step with network), then
// keeps the tree, without .git, as a source that remembers its origin. From
// there the build is a build of that source; rebuilding it later does not
// fetch again. A failed fetch leaves no source behind.
class GitFetchPhase final
{
public:
    // GitFetcher::fetch, or a stand-in in tests.
    using Fetch = std::function<Result<GitFetcher::Fetched>(const GitSource &source, const QString &directory,
                                                            BuildLogSink &log, std::stop_token cancel)>;

    GitFetchPhase(Fetch fetch, SourceService &sources);

    // `work`: a folder of the build's own (made here, left for the caller to
    // remove). Appends the "fetch" phase to `phases`, failed or not.
    // build.no_git when the project has no Git URL (any more);
    // GitFetcher's codes; the entry rules' codes for what was cloned.
    Result<model::Source> run(const model::Project &project, std::optional<qint64> authorId, const QString &work,
                              BuildLogSink &log, std::stop_token cancel, QList<BuildPhase> &phases);

    static Error noGit();

private:
    Fetch m_fetch;
    SourceService &m_sources;
};

} // namespace ddd::core::build
