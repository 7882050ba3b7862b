// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/gitfetchphase.h"

#include "core/build/buildlogsink.h"
#include "core/build/sourceservice.h"

#include <QDir>
#include <QElapsedTimer>

namespace ddd::core::build {

namespace {

// The phase's exit code: git's own when it ran, -1 when it never did or was stopped.
int exitCodeOf(const Error &error)
{
    return error.details.contains(u"exitCode"_qs) ? error.details.value(u"exitCode"_qs).toInt() : -1;
}

} // namespace

GitFetchPhase::GitFetchPhase(Fetch fetch, SourceService &sources) : m_fetch(std::move(fetch)), m_sources(sources) {}

Error GitFetchPhase::noGit()
{
    return Error::make(u"build.no_git"_qs, u"This project has no Git repository (settings.build.git.url)"_qs);
}

Result<model::Source> GitFetchPhase::run(const model::Project &project, std::optional<qint64> authorId,
                                         const QString &work, BuildLogSink &log, std::stop_token cancel,
                                         QList<BuildPhase> &phases)
{
    const GitSource &git = project.settings.build.git;
    if (!git.isSet())
        return noGit();
    QDir(work).removeRecursively();
    if (!QDir().mkpath(work))
        return Error::make(u"io.error"_qs, u"Cannot create the clone folder "_qs + work);
    QElapsedTimer timer;
    timer.start();
    Result<GitFetcher::Fetched> fetched = m_fetch(git, work, log, cancel);
    const int exitCode = fetched ? 0 : exitCodeOf(fetched.error());
    phases.append(BuildPhase{u"fetch"_qs, timer.elapsed(), exitCode});
    log.note("== fetch finished in " + QByteArray::number(phases.last().durationMs) + " ms, exit code "
             + QByteArray::number(exitCode));
    if (!fetched)
        return fetched.error();
    const model::GitOrigin origin{git.url, git.branch, fetched->commit, fetched->subject};
    Result<model::Source> source = m_sources.fromDirectory(project.id, authorId, work, origin);
    if (!source)
        return source.error();
    log.note("== source " + QByteArray::number(source->number) + " stored from commit " + origin.commit.toLatin1());
    return source;
}

} // namespace ddd::core::build
