// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/buildoutcome.h"
#include "core/build/buildrequest.h"
#include "core/build/gitfetchphase.h"
#include "core/model/build.h"
#include "core/model/project.h"
#include "core/util/result.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <stop_token>

namespace ddd::core {
class Clock;
}

namespace ddd::core::deploy {
class DeploymentService;
}

namespace ddd::core::storage {
class BuildStore;
class ProjectStore;
} // namespace ddd::core::storage

namespace ddd::core::build {

class BuildLog;
class BuildLogBook;
class BuildLogSink;
class SourceService;
class UnrecordedBuilds;

// Runs a build this agent claimed, on one of BuildQueue's threads, in
// stages: the work folder, the Git fetch phase (when the build has one),
// the source laid out, the engine, the output recorded as a version; then
// the end: the log's last lines shipped, the row recorded (or kept in
// UnrecordedBuilds while the disk refuses), followers told. Every write of
// the row is conditional on it still running here.
class BuildRunner final
{
public:
    // BuildEngine::run, or a stand-in in tests of the queue.
    using Engine = std::function<Result<BuildOutcome>(const BuildRequest &, BuildLogSink &, std::stop_token)>;

    struct Parts final
    {
        storage::BuildStore &builds;
        storage::ProjectStore &projects;
        BuildLogBook &logs;
        UnrecordedBuilds &unrecorded;
        SourceService &sources;
        deploy::DeploymentService &deploys;
        const Clock &clock;
    };

    // Work folders go to <dataRoot>/work/build-<id>; `finished` hears of
    // each build that ended here and still exists.
    BuildRunner(Parts parts, Engine engine, QString dataRoot, QString agentId,
                std::function<void(const model::Build &)> finished);

    void enableGit(GitFetchPhase::Fetch fetch);
    // build.git_disabled, or build.no_git for a project without a Git URL.
    Status checkGit(const model::Project &project) const;
    // From now on a build that ends early was interrupted, not cancelled.
    void beginStopping() { m_stopping = true; }

    void run(qint64 buildId, std::stop_token stop);
    // build.interrupted: the agent stopped while the build ran.
    static Error interrupted();

private:
    Result<qint64> execute(model::Build &build, BuildLog &log, const QString &work, std::stop_token stop);
    Status fetchSource(model::Build &build, const model::Project &project, BuildLog &log, const QString &work,
                       std::stop_token stop);
    void finish(model::Build &build, BuildLog &log, const Result<qint64> &version, std::stop_token stop);
    void settle(model::Build &build, const Result<qint64> &version, std::stop_token stop, BuildLog &log);
    void record(const model::Build &build);
    QString workFolder(qint64 buildId) const;
    bool exists(qint64 buildId);

    Parts m_parts;
    const Engine m_engine;
    const QString m_dataRoot;
    const QString m_agentId;
    const std::function<void(const model::Build &)> m_finished;
    std::unique_ptr<GitFetchPhase> m_git;
    std::atomic<bool> m_stopping = false;
};

} // namespace ddd::core::build
