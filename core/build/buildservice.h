// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/buildlogbook.h"
#include "core/build/buildoutcome.h"
#include "core/build/buildqueue.h"
#include "core/build/buildrunner.h"
#include "core/build/gitfetchphase.h"
#include "core/build/unrecordedbuilds.h"
#include "core/model/build.h"
#include "core/model/page.h"
#include "core/model/pagerequest.h"
#include "core/model/identity.h"
#include "core/model/project.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>

namespace ddd::core {
class Clock;
}

namespace ddd::core::deploy {
class DeploymentService;
class ProjectService;
} // namespace ddd::core::deploy

namespace ddd::core::storage {
class BuildStore;
class ConnectionProvider;
class ProjectStore;
} // namespace ddd::core::storage

namespace ddd::core::build {

class BuildLogFollower;
class SourceService;

// Builds as persisted jobs: queued, running, then succeeded, failed,
// cancelled or interrupted. One active (queued or running) build per project:
// asking again answers the active one. The queue is the database's: every
// agent with the build role claims from it on BuildQueue's threads, so a
// build queued on one agent may run on another. A restart marks this
// agent's running builds interrupted; a dead agent's are marked so by the
// others.
// Capabilities: starting and cancelling need "build" (activating also
// "activate"), reading needs "read". Thread-safe.
class BuildService final
{
public:
    using Engine = BuildRunner::Engine;

    struct Options final
    {
        QString dataRoot;   // work folders in work/ (and logs from before schema step 21 in builds/)
        int maxQueued = 50; // waiting builds, all projects together, on every agent
        BuildLogBook::Options logs;
        BuildQueue::Options queue; // this agent's part of the shared queue
    };

    struct Started final
    {
        model::Build build;
        bool created = false; // false: the project's active build
    };

    BuildService(storage::ConnectionProvider &connections, deploy::ProjectService &projects, SourceService &sources,
                 deploy::DeploymentService &deploys, const Clock &clock, Engine engine, Options options);
    ~BuildService();

    // Builds from Git (the operator's builds.git); until called they are
    // refused with build.git_disabled. Call before resume().
    void enableGit(GitFetchPhase::Fetch fetch);
    // Called with each build once it has finished (succeeded, failed,
    // cancelled or interrupted), on the thread that ended it (webhooks).
    // Add observers before resume().
    void addFinishObserver(std::function<void(const model::Build &)> observer);

    // At start-up: running builds of this agent's last process become
    // interrupted, and the threads start taking queued builds.
    Status resume();
    // Running builds stop and are recorded interrupted; the threads end.
    void stop();
    // After a project was deleted (its builds' rows and logs went with it):
    // its running builds stop here.
    void forgetRemovedBuilds();

    // `sourceId` nullopt: the newest; `activate` nullopt: the project's
    // setting (publish builds automatically). Trigger Git: the build first
    // fetches the project's repository (build.no_git without a Git URL,
    // build.git_disabled when Git builds are off).
    Result<Started> start(const model::Identity &caller, qint64 projectId, std::optional<qint64> sourceId,
                          std::optional<bool> activate, model::BuildTrigger trigger);
    // A build hook, as the hook's author: the newest commit when the
    // project builds from Git, the newest source otherwise.
    Result<Started> startForHook(qint64 projectId, std::optional<qint64> authorId);
    Result<QList<model::Build>> list(const model::Identity &caller, qint64 projectId);
    Result<model::Page<model::Build>> listPage(const model::Identity &caller, qint64 projectId,
                                               const model::PageRequest &request);
    Result<model::Build> get(const model::Identity &caller, qint64 buildId);
    // `build.not_cancellable` once finished.
    Result<model::Build> cancel(const model::Identity &caller, qint64 buildId);
    // The last `tail` lines (all when < 0).
    Result<QByteArray> log(const model::Identity &caller, qint64 buildId, int tail);
    // Every line so far, then live ones, then the end with the build's JSON.
    Result<std::shared_ptr<BuildLogFollower>> follow(const model::Identity &caller, qint64 buildId);

private:
    Result<Started> enqueue(const model::Project &project, std::optional<qint64> authorId,
                            std::optional<qint64> sourceId, bool activate, model::BuildTrigger trigger);
    Result<std::optional<Started>> activeBuild(qint64 projectId);
    void tellObservers(const model::Build &build);
    // For the log's followers: the build's JSON once it has ended.
    std::optional<QByteArray> endOf(qint64 buildId);
    Result<model::Build> visibleBuild(const model::Identity &caller, qint64 buildId, const QString &capability);
    bool exists(qint64 buildId);

    deploy::ProjectService &m_projects;
    SourceService &m_sources;
    const Clock &m_clock;
    const Options m_options;
    std::unique_ptr<storage::BuildStore> m_builds;
    std::unique_ptr<storage::ProjectStore> m_projectStore;
    std::mutex m_mutex; // one active build per project
    UnrecordedBuilds m_unrecorded;
    std::unique_ptr<BuildLogBook> m_logs; // after what endOf reads: its thread ends first
    std::unique_ptr<BuildRunner> m_runner;
    bool m_stopping = false;
    std::unique_ptr<BuildQueue> m_queue;
    QList<std::function<void(const model::Build &)>> m_finishObservers;
};

} // namespace ddd::core::build
