// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/buildservice.h"

#include "core/build/buildlog.h"
#include "core/build/buildlogfollower.h"
#include "core/build/buildqueue.h"
#include "core/build/legacybuildlogs.h"
#include "core/build/sourceservice.h"
#include "core/deploy/deploymentservice.h"
#include "core/deploy/projectservice.h"
#include "core/storage/buildlogstore.h"
#include "core/storage/buildstore.h"
#include "core/storage/projectstore.h"
#include "core/util/clock.h"
#include "core/util/crashpoint.h"
#include "core/util/diskfull.h"
#include "core/wire/buildjson.h"

#include <QDir>
#include <QElapsedTimer>
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

Error interruptedError()
{
    return Error::make(u"build.interrupted"_qs, u"The agent stopped while this build ran"_qs);
}

// The build's row no longer says it runs here: another agent took this one
// for gone and recorded it interrupted, or it was deleted.
Error takenOver()
{
    return Error::make(u"build.interrupted"_qs, u"This build was recorded interrupted while it ran"_qs);
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
    : m_projects(projects), m_sources(sources), m_deploys(deploys), m_clock(clock), m_engine(std::move(engine)),
      m_options(std::move(options)), m_builds(std::make_unique<storage::BuildStore>(connections)),
      m_projectStore(std::make_unique<storage::ProjectStore>(connections)),
      m_logs(std::make_unique<BuildLogBook>(connections, m_options.logs,
                                            [this](qint64 buildId) { return endOf(buildId); })),
      m_logStore(std::make_unique<storage::BuildLogStore>(connections))
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
    m_git = std::make_unique<GitFetchPhase>(std::move(fetch), m_sources);
}

Status BuildService::checkGit(const model::Project &project) const
{
    if (!m_git)
        return Error::make(u"build.git_disabled"_qs, u"Builds from Git are turned off on this agent (builds.git)"_qs);
    if (!project.settings.build.git.isSet())
        return GitFetchPhase::noGit();
    return {};
}

Status BuildService::resume()
{
    Result<int> count = m_builds->interruptRunning(m_options.queue.agentId, m_clock.nowMs(), interruptedError());
    if (!count)
        return count.error();
    if (*count > 0)
        qCInfo(lcBuilds) << *count << "builds were interrupted by the last shutdown";
    // Work folders of builds that no longer run.
    QDir(m_options.dataRoot + u"/work"_qs).removeRecursively();
    if (const int moved = LegacyBuildLogs::import(*m_logStore, m_options.dataRoot + u"/builds"_qs); moved > 0)
        qCInfo(lcBuilds) << moved << "build logs moved from files into the database";
    m_queue = std::make_unique<BuildQueue>(*m_builds, m_clock, m_options.queue,
                                           [this](qint64 id, std::stop_token stop) { run(id, stop); });
    return {};
}

void BuildService::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
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
        if (Status ready = checkGit(project); !ready)
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

void BuildService::run(qint64 buildId, std::stop_token stop)
{
    Result<std::optional<Build>> found = m_builds->find(buildId);
    if (!found || !found->has_value() || (*found)->status != BuildStatus::Running)
        return;
    Build build = **found;
    Result<std::optional<model::Project>> project = m_projectStore->findById(build.projectId);
    std::shared_ptr<BuildLog> log =
        m_logs->open(buildId, project && project->has_value() ? (*project)->settings.buildFlags : QStringList());
    const QString work = m_options.dataRoot + u"/work/build-"_qs + QString::number(build.id);
    Result<qint64> version = execute(build, *log, work, stop);
    finish(build, *log, version, stop);
    // After the build is reported finished: removing a few thousand files
    // takes a while and nobody waits for it.
    QDir(work).removeRecursively();
}

Result<qint64> BuildService::execute(Build &build, BuildLog &log, const QString &work, std::stop_token stop)
{
    QDir(work).removeRecursively();
    const QString source = work + u"/source"_qs;
    const QString output = work + u"/out"_qs;
    if (!QDir().mkpath(source) || !QDir().mkpath(output))
        return Error::make(DiskFull::codeFor(errno), u"Cannot create the work folder "_qs + work);
    CrashPoint::hit("build.work_created");
    Result<std::optional<model::Project>> project = m_projectStore->findById(build.projectId);
    if (!project || !project->has_value())
        return Error::make(u"project.not_found"_qs, u"Project not found"_qs);
    if (build.fetchGit && !build.sourceId)
        if (Status fetched = fetchSource(build, **project, log, work + u"/git"_qs, stop); !fetched)
            return fetched.error();
    if (!build.sourceId)
        return Error::make(u"source.not_found"_qs, u"The build's source was deleted"_qs);
    log.note("== source " + QByteArray::number(*build.sourceId) + ": materialising");
    QElapsedTimer timer;
    timer.start();
    if (Status written = m_sources.materialise(*build.sourceId, source); !written)
        return written.error();
    const BuildPhase materialised{u"source"_qs, timer.elapsed(), 0};
    Result<BuildOutcome> outcome = m_engine(BuildRequest{source, output, (*project)->settings}, log, stop);
    if (!outcome)
        return outcome.error();
    build.detection = outcome->detection;
    // After the fetch phase of a Git build, if there was one.
    build.phases.append(materialised);
    build.phases.append(outcome->phases);
    log.note("== storing the site as a version");
    timer.restart();
    Result<model::Version> version =
        m_deploys.recordBuild(build.projectId, build.authorId, outcome->siteDirectory, build.activate);
    if (!version)
        return version.error();
    CrashPoint::hit("build.output_stored");
    build.phases.append(BuildPhase{u"store"_qs, timer.elapsed(), 0});
    log.note("== version " + QByteArray::number(version->number) + (build.activate ? " is live" : " is ready"));
    return version->id;
}

// The fetch phase: the new source becomes the build's before it goes on.
Status BuildService::fetchSource(Build &build, const model::Project &project, BuildLog &log, const QString &work,
                                 std::stop_token stop)
{
    if (Status ready = checkGit(project); !ready)
        return ready;
    Result<model::Source> source = m_git->run(project, build.authorId, work, log, stop, build.phases);
    if (!source)
        return source.error();
    build.sourceId = source->id;
    build.detection = source->detection;
    Result<bool> recorded = m_builds->update(build, m_options.queue.agentId);
    if (!recorded)
        return recorded.error();
    return *recorded ? Status() : Status(takenOver());
}

void BuildService::finish(Build &build, BuildLog &log, const Result<qint64> &version, std::stop_token stop)
{
    bool stopping = false;
    {
        std::lock_guard lock(m_mutex);
        stopping = m_stopping;
    }
    build.finishedAt = m_clock.nowMs();
    if (version) {
        build.status = BuildStatus::Succeeded;
        build.versionId = *version;
    } else if (stopping) {
        build.status = BuildStatus::Interrupted;
        build.error = interruptedError();
    } else {
        const bool cancelled = stop.stop_requested() || version.error().code == u"build.cancelled";
        build.status = cancelled ? BuildStatus::Cancelled : BuildStatus::Failed;
        build.error = cancelled ? Error::make(u"build.cancelled"_qs, u"The build was cancelled"_qs) : version.error();
        log.note("== " + build.error->code.toUtf8() + ": " + build.error->message.toUtf8());
    }
    build.logBytes = log.bytes();
    m_logs->close(build.id); // every line before the row says the build ended
    Result<bool> stored = m_builds->update(build, m_options.queue.agentId);
    if (!stored) {
        // Most often the disk is full, and the build's own work folder may
        // hold the space the database needs: without it, and once more,
        // before the build is left "running" for good.
        QDir(m_options.dataRoot + u"/work/build-"_qs + QString::number(build.id)).removeRecursively();
        stored = m_builds->update(build, m_options.queue.agentId);
    }
    if (!stored) {
        qCWarning(lcBuilds) << "Cannot record build" << build.id << ":" << stored.error().message;
        m_unrecorded.add(build);
    } else if (!*stored) {
        qCWarning(lcBuilds) << "Build" << build.id << "ended here after another agent recorded it interrupted";
    }
    m_logs->announce(build.id);
    if (exists(build.id)) // its project may have been deleted while it ran
        for (const auto &observer : m_finishObservers)
            observer(build);
    if (Status pruned = m_sources.applyRetention(build.projectId); !pruned)
        qCWarning(lcBuilds) << "Source retention failed:" << pruned.error().message;
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
    for (const auto &observer : m_finishObservers)
        observer(*build);
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
