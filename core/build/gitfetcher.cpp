// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/gitfetcher.h"

#include "core/build/buildlogsink.h"
#include "core/build/sandboxrunner.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>

namespace ddd::core::build {

namespace {

// The clone and the commit it got, in one sandbox run. URL and branch are
// positional parameters, never spliced into the script.
constexpr auto kScript = "git clone --quiet --depth 1 --single-branch --no-tags --branch \"$2\" -- \"$1\" /out "
                         "&& git -C /out log -1 --format='ddd-commit %H %s'";

Error failure(const SandboxExit &exit)
{
    using enum SandboxExit::Reason;
    switch (exit.reason) {
    case TimedOut:
        return Error::make(u"build.timeout"_qs, u"the clone took longer than the time limit"_qs);
    case Cancelled:
        return Error::make(u"build.cancelled"_qs, u"the build was cancelled"_qs);
    case MemoryExceeded:
        return Error::make(u"build.memory_exceeded"_qs, u"the clone used more memory than allowed"_qs);
    case OutputTooLarge:
        return Error::make(u"build.output_too_large"_qs, u"the repository is larger than allowed"_qs);
    case Exited:
    case Signalled:
        break;
    }
    return Error::make(u"build.git_failed"_qs, u"git clone failed (see the build log)"_qs,
                       {{u"exitCode"_qs, exit.reason == Exited ? exit.exitCode : 128 + exit.signal}});
}

QString protocolOf(const QString &url)
{
    return url.left(url.indexOf(u':'));
}

} // namespace

GitFetcher::GitFetcher(SandboxRunner &sandbox, SandboxLimits limits) : m_sandbox(sandbox), m_limits(limits) {}

SandboxSpec GitFetcher::spec(const GitSource &source, const QString &directory, const QString &emptySource) const
{
    SandboxSpec spec;
    spec.argv = {u"sh"_qs, u"-c"_qs, QString::fromLatin1(kScript), u"sh"_qs, source.url, source.branch};
    spec.environment = {{u"GIT_TERMINAL_PROMPT"_qs, u"0"_qs},
                        {u"GIT_CONFIG_NOSYSTEM"_qs, u"1"_qs},
                        {u"GIT_CONFIG_GLOBAL"_qs, u"/dev/null"_qs},
                        {u"GIT_ALLOW_PROTOCOL"_qs, protocolOf(source.url)}};
    spec.sourceDir = emptySource;
    spec.outputDir = directory;
    spec.workingDirectory = u"/out"_qs;
    spec.network = true;
    spec.limits = m_limits;
    return spec;
}

Result<GitFetcher::Fetched> GitFetcher::fetch(const GitSource &source, const QString &directory, BuildLogSink &log,
                                              std::stop_token cancel)
{
    if (Status valid = GitSource::validate(source.url, source.branch); !valid)
        return valid.error();
    QTemporaryDir emptySource;
    if (!emptySource.isValid())
        return Error::make(u"build.sandbox_unavailable"_qs, u"cannot create an empty folder for the clone"_qs);
    log.note("== git clone --depth 1 --branch " + source.branch.toUtf8() + " " + source.url.toUtf8());
    Fetched fetched;
    static const QRegularExpression commitLine(u"^ddd-commit ([0-9a-f]{40}) ?(.*)$"_qs);
    Result<SandboxExit> exit = m_sandbox.run(
        spec(source, directory, emptySource.path()),
        [&](const QByteArray &line) {
            const QRegularExpressionMatch match = commitLine.match(QString::fromUtf8(line));
            if (!match.hasMatch())
                return log.output(line);
            fetched = {match.captured(1), match.captured(2)};
        },
        cancel);
    if (!exit)
        return exit.error();
    if (!exit->succeeded() || fetched.commit.isEmpty())
        return failure(*exit);
    if (!QDir(directory + u"/.git"_qs).removeRecursively())
        return Error::make(u"build.git_failed"_qs, u"cannot remove .git from the clone"_qs);
    log.note("== cloned commit " + fetched.commit.toLatin1() + " " + fetched.subject.toUtf8());
    return fetched;
}

} // namespace ddd::core::build
