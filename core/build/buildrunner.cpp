// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/buildrunner.h"

#include "core/build/buildlog.h"
#include "core/build/buildlogbook.h"
#include "core/build/sourceservice.h"
#include "core/build/unrecordedbuilds.h"
#include "core/deploy/deploymentservice.h"
#include "core/storage/buildstore.h"
#include "core/storage/projectstore.h"
#include "core/util/clock.h"
#include "core/util/crashpoint.h"
#include "core/util/diskfull.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>

namespace ddd::core::build {

namespace {

Q_LOGGING_CATEGORY(lcRunner, "ddd.core.build")

using model::Build;
using model::BuildStatus;

// The build's row no longer says it runs here: another agent took this one
// for gone and recorded it interrupted, or it was deleted.
Error takenOver()
{
    return Error::make(u"build.interrupted"_qs, u"This build was recorded interrupted while it ran"_qs);
}

} // namespace

BuildRunner::BuildRunner(Parts parts, Engine engine, QString dataRoot, QString agentId,
                         std::function<void(const Build &)> finished)
    : m_parts(parts), m_engine(std::move(engine)), m_dataRoot(std::move(dataRoot)), m_agentId(std::move(agentId)),
      m_finished(std::move(finished))
{
}

Error BuildRunner::interrupted()
{
    return Error::make(u"build.interrupted"_qs, u"The agent stopped while this build ran"_qs);
}

void BuildRunner::enableGit(GitFetchPhase::Fetch fetch)
{
    m_git = std::make_unique<GitFetchPhase>(std::move(fetch), m_parts.sources);
}

Status BuildRunner::checkGit(const model::Project &project) const
{
    if (!m_git)
        return Error::make(u"build.git_disabled"_qs, u"Builds from Git are turned off on this agent (builds.git)"_qs);
    if (!project.settings.build.git.isSet())
        return GitFetchPhase::noGit();
    return {};
}

void BuildRunner::run(qint64 buildId, std::stop_token stop)
{
    Result<std::optional<Build>> found = m_parts.builds.find(buildId);
    if (!found || !found->has_value() || (*found)->status != BuildStatus::Running)
        return;
    Build build = **found;
    Result<std::optional<model::Project>> project = m_parts.projects.findById(build.projectId);
    std::shared_ptr<BuildLog> log = m_parts.logs.open(
        buildId, project && project->has_value() ? (*project)->settings.buildFlags : QStringList());
    const QString work = workFolder(build.id);
    Result<qint64> version = execute(build, *log, work, stop);
    finish(build, *log, version, stop);
    // After the build is reported finished: removing a few thousand files
    // takes a while and nobody waits for it.
    QDir(work).removeRecursively();
}

Result<qint64> BuildRunner::execute(Build &build, BuildLog &log, const QString &work, std::stop_token stop)
{
    QDir(work).removeRecursively();
    const QString source = work + u"/source"_qs;
    const QString output = work + u"/out"_qs;
    if (!QDir().mkpath(source) || !QDir().mkpath(output))
        return Error::make(DiskFull::codeFor(errno), u"Cannot create the work folder "_qs + work);
    CrashPoint::hit("build.work_created");
    Result<std::optional<model::Project>> project = m_parts.projects.findById(build.projectId);
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
    if (Status written = m_parts.sources.materialise(*build.sourceId, source); !written)
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
        m_parts.deploys.recordBuild(build.projectId, build.authorId, outcome->siteDirectory, build.activate);
    if (!version)
        return version.error();
    CrashPoint::hit("build.output_stored");
    build.phases.append(BuildPhase{u"store"_qs, timer.elapsed(), 0});
    log.note("== version " + QByteArray::number(version->number) + (build.activate ? " is live" : " is ready"));
    return version->id;
}

// The fetch phase: the new source becomes the build's before it goes on.
Status BuildRunner::fetchSource(Build &build, const model::Project &project, BuildLog &log, const QString &work,
                                std::stop_token stop)
{
    if (Status ready = checkGit(project); !ready)
        return ready;
    Result<model::Source> source = m_git->run(project, build.authorId, work, log, stop, build.phases);
    if (!source)
        return source.error();
    build.sourceId = source->id;
    build.detection = source->detection;
    Result<bool> recorded = m_parts.builds.update(build, m_agentId);
    if (!recorded)
        return recorded.error();
    return *recorded ? Status() : Status(takenOver());
}

void BuildRunner::finish(Build &build, BuildLog &log, const Result<qint64> &version, std::stop_token stop)
{
    settle(build, version, stop, log);
    build.logBytes = log.bytes();
    m_parts.logs.close(build.id); // every line before the row says the build ended
    record(build);
    m_parts.logs.announce(build.id);
    if (exists(build.id)) // its project may have been deleted while it ran
        m_finished(build);
    if (Status pruned = m_parts.sources.applyRetention(build.projectId); !pruned)
        qCWarning(lcRunner) << "Source retention failed:" << pruned.error().message;
}

// How the build ended: with a version, stopped by the agent's own stop,
// cancelled, or failed with the error that ended it.
void BuildRunner::settle(Build &build, const Result<qint64> &version, std::stop_token stop, BuildLog &log)
{
    build.finishedAt = m_parts.clock.nowMs();
    if (version) {
        build.status = BuildStatus::Succeeded;
        build.versionId = *version;
    } else if (m_stopping) {
        build.status = BuildStatus::Interrupted;
        build.error = interrupted();
    } else {
        const bool cancelled = stop.stop_requested() || version.error().code == u"build.cancelled";
        build.status = cancelled ? BuildStatus::Cancelled : BuildStatus::Failed;
        build.error = cancelled ? Error::make(u"build.cancelled"_qs, u"The build was cancelled"_qs) : version.error();
        log.note("== " + build.error->code.toUtf8() + ": " + build.error->message.toUtf8());
    }
}

void BuildRunner::record(const Build &build)
{
    Result<bool> stored = m_parts.builds.update(build, m_agentId);
    if (!stored) {
        // Most often the disk is full, and the build's own work folder may
        // hold the space the database needs: without it, and once more,
        // before the build is left "running" for good.
        QDir(workFolder(build.id)).removeRecursively();
        stored = m_parts.builds.update(build, m_agentId);
    }
    if (!stored) {
        qCWarning(lcRunner) << "Cannot record build" << build.id << ":" << stored.error().message;
        m_parts.unrecorded.add(build);
    } else if (!*stored) {
        qCWarning(lcRunner) << "Build" << build.id << "ended here after another agent recorded it interrupted";
    }
}

QString BuildRunner::workFolder(qint64 buildId) const
{
    return m_dataRoot + u"/work/build-"_qs + QString::number(buildId);
}

bool BuildRunner::exists(qint64 buildId)
{
    Result<std::optional<Build>> row = m_parts.builds.find(buildId);
    return !row || row->has_value(); // an unreadable database deletes nothing
}

} // namespace ddd::core::build
