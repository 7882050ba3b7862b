// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/commands/logscommand.h"

#include "cli/clicontext.h"
#include "cli/format.h"
#include "core/client/apiclient.h"
#include "core/client/buildlogstream.h"

#include <QCommandLineParser>
#include <QJsonObject>

namespace ddd::cli {

using core::Error;
using core::Result;
using core::client::ApiClient;
using core::client::BuildLogStream;
using core::client::RemoteBuild;

namespace {

const QCommandLineOption FollowOption(QStringList{u"f"_qs, u"follow"_qs},
                                      u"Stream the log until the build ends; exit 7 unless it succeeded."_qs);

} // namespace

QList<QCommandLineOption> LogsCommand::options() const
{
    return {FollowOption};
}

void LogsCommand::run(const QCommandLineParser &parser, const QStringList &positional)
{
    bool numeric = false;
    const qint64 buildId = positional.size() == 1 ? positional.first().toLongLong(&numeric) : 0;
    if (!numeric || buildId < 1)
        return m_context.fail(CliContext::usage(u"Usage: ddd logs BUILD [--follow]"_qs));
    const bool follow = parser.isSet(FollowOption);
    m_context.connectAgent([this, buildId, follow](ApiClient &api) {
        if (!follow)
            return void(api.builds().buildLog(buildId, std::nullopt, &m_context, [this, buildId](Result<QString> log) {
                if (!log)
                    return m_context.fail(log.error());
                if (m_context.output().json())
                    m_context.output().document({{u"build"_qs, buildId}, {u"log"_qs, *log}});
                else
                    m_context.output().line(log->endsWith(u'\n') ? log->chopped(1) : *log);
                m_context.finish();
            }));
        // With --json stdout keeps one document: the lines go to stderr.
        BuildLogStream *stream = api.builds().streamBuildLog(buildId, &m_context);
        QObject::connect(stream, &BuildLogStream::lines, &m_context, [this](const QStringList &lines) {
            for (const QString &line : lines)
                m_context.output().json() ? m_context.output().note(line) : m_context.output().line(line);
        });
        QObject::connect(stream, &BuildLogStream::ended, &m_context,
                         [this](const Result<RemoteBuild> &build) { ended(build); });
    });
}

void LogsCommand::ended(const Result<RemoteBuild> &build)
{
    if (!build)
        return m_context.fail(build.error());
    const bool succeeded = build->status == RemoteBuild::Status::Succeeded;
    if (m_context.output().json())
        m_context.output().document({{u"build"_qs, Format::buildJson(*build)}});
    if (succeeded)
        return m_context.finish();
    const Error why = build->error.value_or(Error::make(u"build."_qs + RemoteBuild::statusName(build->status),
                                                         QStringLiteral("The build ended %1")
                                                             .arg(RemoteBuild::statusName(build->status))));
    m_context.output().error(why);
    m_context.finish(ExitCode::BuildFailed);
}

} // namespace ddd::cli
