// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/buildservice.h"

#include "core/build/buildlogfollower.h"
#include "core/build/buildqueue.h"
#include "core/build/sourceservice.h"
#include "core/deploy/projectservice.h"
#include "core/storage/buildstore.h"
#include "core/storage/projectstore.h"
#include "core/util/clock.h"
#include "core/util/crashpoint.h"
#include "core/wire/buildjson.h"

#include <QDir>
#include <QJsonDocument>
#include <QLoggingCategory>

namespace ddd::core::build {

namespace {

Q_LOGGING_CATEGORY(lcBuilds, "ddd.core.build")

using model::Build;
using model::BuildStatus;

const QString BuildCapability = u"build"_qs;

Error forbidden(const QString &capability)
{
    return Error::make(u"auth.forbidden"_qs, u"This token lacks the \""_qs + capability + u"\" capability"_qs,
                       QJsonObject{{u"capability"_qs, capability}});
}

Error buildNotFound()
{
    return Error::make(u"build.not_found"_qs, u"Build not found"_qs);
}

QByteArray jsonOf(const Build &build)
{
    return QJsonDocument(wire::buildToJson(build)).toJson(QJsonDocument::Compact);
}

} // namespace

BuildService::BuildService(storage::ConnectionProvider &connections, deploy::ProjectService &projects,
                           SourceService &sources, deploy::DeploymentService &deploys, const Clock &clock,
                           Engine engine, Options options)
    : m_projects(projects), m_sources(sources), m_clock(clock),
      m_options(std::move(options)), m_builds(std::make_unique<storage::BuildStore>(connections)),
      m_projectStore(std::make_unique<storage::ProjectStore>(connections)),
      m_logs(std::make_unique<BuildLogBook>(connections, m_options.logs,
                                            [this](qint64 buildId) { return endOf(buildId); })),
      m_runner(std::make_unique<BuildRunner>(
          BuildRunner::Parts{*m_builds, *m_projectStore, *m_logs, m_unrecorded, m_sources, deploys, m_clock},
          std::move(engine), m_options.dataRoot, m_options.queue.agentId,
          [this](const Build &build) { tellObservers(build); }))
{
}

BuildService::~BuildService()
{
    stop();
}

void BuildService::addFinishObserver(std::function<void(const Build &)> observer)
{
    m_finishObservers.append(std::move(observer));
}

void BuildService::enableGit(GitFetchPhase::Fetch fetch)
{
    m_runner->enableGit(std::move(fetch));
}

void BuildService::tellObservers(const Build &build)
{
    for (const auto &observer : m_finishObservers)
        observer(build);
}

Status BuildService::resume()
{
    Result<int> count = m_builds->interruptRunning(m_options.queue.agentId, m_clock.nowMs(), BuildRunner::interrupted());
    if (!count)
        return count.error();
    if (*count > 0)
        qCInfo(lcBuilds) << *count << "builds were interrupted by the last shutdown";
    // Work folders of builds that no longer run.
    QDir(m_options.dataRoot + u"/work"_qs).removeRecursively();
    if (const int moved = m_logs->importFiles(m_options.dataRoot + u"/builds"_qs); moved > 0)
        qCInfo(lcBuilds) << moved << "build logs moved from files into the database";
    m_queue = std::make_unique<BuildQueue>(*m_builds, m_clock, m_options.queue,
                                           [this](qint64 id, std::stop_token stop) { m_runner->run(id, stop); });
    return {};
}

void BuildService::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_runner->beginStopping();
    if (m_queue)
        m_queue->stop();
    m_logs->stop();
}

Result<BuildService::Started> BuildService::start(const model::Identity &caller, qint64 projectId,
                                                  std::optional<qint64> sourceId, std::optional<bool> activate,
                                                  model::BuildTrigger trigger)
{
    if (!caller.can(BuildCapability))
        return forbidden(BuildCapability);
    if (activate.value_or(false) && !caller.can(u"activate"_qs))
        return forbidden(u"activate"_qs);
    Result<model::Project> project = m_projects.findVisible(caller, projectId);
    if (!project)
        return project.error();
    // Without an explicit answer the project's "publish builds automatically"
    // decides, but only for callers who may activate at all.
    const bool goLive =
        activate.value_or(project->settings.build.publishAutomatically && caller.can(u"activate"_qs));
    return enqueue(*project, caller.userId, sourceId, goLive, trigger);
}

Result<BuildService::Started> BuildService::startForHook(qint64 projectId, std::optional<qint64> authorId)
{
    Result<std::optional<model::Project>> project = m_projectStore->findById(projectId);
    if (!project)
        return project.error();
    if (!project->has_value())
        return Error::make(u"hook.not_found"_qs, u"Build hook not found"_qs);
    return enqueue(**project, authorId, std::nullopt, (*project)->settings.build.publishAutomatically,
                   model::BuildTrigger::Hook);
}

Result<BuildService::Started> BuildService::enqueue(const model::Project &project, std::optional<qint64> authorId,
                                                    std::optional<qint64> sourceId, bool activate,
                                                    model::BuildTrigger trigger)
{
    // A hook builds the newest commit of a project that builds from Git.
    const bool fromGit = trigger == model::BuildTrigger::Git
        || (trigger == model::BuildTrigger::Hook && project.settings.build.git.isSet());
    if (fromGit)
        if (Status ready = m_runner->checkGit(project); !ready)
            return ready.error();
    std::lock_guard lock(m_mutex);
    Result<std::optional<Started>> active = activeBuild(project.id);
    if (!active)
        return active.error();
    if (active->has_value())
        return **active;
    // One active build per project already bounds the queue by the number of
    // projects; this bounds it for an operator with very many of them.
    Result<int> waiting = m_builds->countQueued();
    if (!waiting)
        return waiting.error();
    if (*waiting >= m_options.maxQueued)
        return Error::make(u"build.queue_full"_qs, u"Too many builds are waiting; try again later"_qs,
                           {{u"waiting"_qs, m_options.maxQueued}});
    Build build;
    build.projectId = project.id;
    build.trigger = trigger;
    build.fetchGit = fromGit;
    if (!fromGit) {
        Result<model::Source> source = sourceId ? m_sources.find(*sourceId) : m_sources.newest(project.id);
        if (!source || source->projectId != project.id)
            return Error::make(u"source.not_found"_qs, u"Source not found in this project"_qs);
        build.sourceId = source->id;
        build.detection = source->detection;
    }
    build.activate = activate;
    build.authorId = authorId;
    build.createdAt = m_clock.nowMs();
    Result<Build> stored = m_builds->insert(build);
    if (!stored) {
        // Another agent queued the project's build meanwhile (builds_one_active).
        Result<std::optional<Started>> raced = activeBuild(project.id);
        if (raced && raced->has_value())
            return **raced;
        return stored.error();
    }
    CrashPoint::hit("build.queued");
    if (m_queue && !m_stopping)
        m_queue->wake();
    return Started{*stored, true};
}

// The project's queued or running build, as an answer to a new request.
Result<std::optional<BuildService::Started>> BuildService::activeBuild(qint64 projectId)
{
    m_unrecorded.flush(*m_builds, m_options.queue.agentId);
    Result<std::optional<Build>> active = m_builds->active(projectId);
    if (!active)
        return active.error();
    if (active->has_value())
        m_unrecorded.overlay(**active); // ended, though its row could not say so yet
    if (active->has_value() && model::isActive((*active)->status))
        return std::optional<Started>(Started{**active, false});
    return std::optional<Started>();
}

// A deleted build ends as cancelled; an unreadable one has not ended yet.
std::optional<QByteArray> BuildService::endOf(qint64 buildId)
{
    m_unrecorded.flush(*m_builds, m_options.queue.agentId);
    Result<std::optional<Build>> row = m_builds->find(buildId);
    if (!row)
        return std::nullopt;
    Build build;
    build.id = buildId;
    build.status = BuildStatus::Cancelled;
    if (row->has_value())
        build = **row;
    m_unrecorded.overlay(build);
    return model::isActive(build.status) ? std::nullopt : std::optional<QByteArray>(jsonOf(build));
}

Result<QList<Build>> BuildService::list(const model::Identity &caller, qint64 projectId)
{
    if (!caller.can(u"read"_qs))
        return forbidden(u"read"_qs);
    if (Result<model::Project> project = m_projects.findVisible(caller, projectId); !project)
        return project.error();
    m_unrecorded.flush(*m_builds, m_options.queue.agentId);
    Result<QList<Build>> builds = m_builds->listByProject(projectId);
    if (builds)
        m_unrecorded.overlay(*builds);
    return builds;
}

Result<model::Page<Build>> BuildService::listPage(const model::Identity &caller, qint64 projectId,
                                                  const model::PageRequest &request)
{
    if (!caller.can(u"read"_qs))
        return forbidden(u"read"_qs);
    if (Result<model::Project> project = m_projects.findVisible(caller, projectId); !project)
        return project.error();
    m_unrecorded.flush(*m_builds, m_options.queue.agentId);
    Result<model::Page<Build>> page = m_builds->pageByProject(projectId, request);
    if (page)
        m_unrecorded.overlay(page->items);
    return page;
}

Result<Build> BuildService::get(const model::Identity &caller, qint64 buildId)
{
    return visibleBuild(caller, buildId, u"read"_qs);
}

Result<Build> BuildService::visibleBuild(const model::Identity &caller, qint64 buildId, const QString &capability)
{
    if (!caller.can(capability))
        return forbidden(capability);
    m_unrecorded.flush(*m_builds, m_options.queue.agentId);
    Result<std::optional<Build>> build = m_builds->find(buildId);
    if (!build)
        return build.error();
    if (!build->has_value())
        return buildNotFound();
    if (Result<model::Project> project = m_projects.findVisible(caller, (*build)->projectId); !project)
        return buildNotFound();
    m_unrecorded.overlay(**build);
    return **build;
}

Result<Build> BuildService::cancel(const model::Identity &caller, qint64 buildId)
{
    Result<Build> build = visibleBuild(caller, buildId, BuildCapability);
    if (!build)
        return build;
    if (!model::isActive(build->status) || !m_queue)
        return Error::make(u"build.not_cancellable"_qs, u"This build has finished"_qs,
                           {{u"status"_qs, model::buildStatusName(build->status)}});
    const Error cancelled = Error::make(u"build.cancelled"_qs, u"The build was cancelled before it started"_qs);
    Result<bool> dropped = m_builds->cancelQueued(buildId, m_clock.nowMs(), cancelled);
    if (!dropped)
        return dropped.error();
    if (!*dropped) {
        // Running, here or on another agent, whose watcher stops it.
        if (Status asked = m_builds->requestCancel(buildId); !asked)
            return asked.error();
        m_queue->stopRunning(buildId);
        return *build;
    }
    build->status = BuildStatus::Cancelled;
    build->finishedAt = m_clock.nowMs();
    build->error = cancelled;
    m_logs->announce(buildId);
    tellObservers(*build);
    return *build;
}

Result<QByteArray> BuildService::log(const model::Identity &caller, qint64 buildId, int tail)
{
    if (Result<Build> build = visibleBuild(caller, buildId, u"read"_qs); !build)
        return build.error();
    return m_logs->tail(buildId, tail);
}

Result<std::shared_ptr<BuildLogFollower>> BuildService::follow(const model::Identity &caller, qint64 buildId)
{
    if (Result<Build> build = visibleBuild(caller, buildId, u"read"_qs); !build)
        return build.error();
    return m_logs->follow(buildId);
}

void BuildService::forgetRemovedBuilds()
{
    // Followers of every build gone see the end (endOf) at their next poll.
    for (qint64 id : m_logs->runningHere())
        if (!exists(id) && m_queue)
            m_queue->stopRunning(id);
}

bool BuildService::exists(qint64 buildId)
{
    Result<std::optional<Build>> row = m_builds->find(buildId);
    return !row || row->has_value(); // an unreadable database deletes nothing
}

} // namespace ddd::core::build
