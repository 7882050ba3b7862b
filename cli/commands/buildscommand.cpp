// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/commands/buildscommand.h"

#include "cli/clicontext.h"
#include "cli/commonoptions.h"
#include "cli/format.h"
#include "core/client/apiclient.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace ddd::cli {

using core::Result;
using core::client::ApiClient;
using core::client::RemoteBuild;
using core::client::RemoteProject;

QList<QCommandLineOption> BuildsCommand::options() const
{
    return {projectOption()};
}

void BuildsCommand::run(const QCommandLineParser &parser, const QStringList &positional)
{
    if (!positional.isEmpty())
        return m_context.fail(CliContext::usage(u"Usage: ddd builds [--project P]"_qs));
    const QString project = parser.value(projectOption());
    m_context.connectAgent([this, project](ApiClient &api) {
        m_context.findProject(api, project, [this, &api](const RemoteProject &found) {
            api.builds().listBuilds(found.id, &m_context, [this, found](Result<QList<RemoteBuild>> builds) {
                if (!builds)
                    return m_context.fail(builds.error());
                if (m_context.output().json()) {
                    QJsonArray items;
                    for (const RemoteBuild &build : *builds)
                        items.append(Format::buildJson(build));
                    m_context.output().document({{u"project"_qs, Format::projectJson(found)}, {u"builds"_qs, items}});
                    return m_context.finish();
                }
                QList<QStringList> rows{{u"BUILD"_qs, u"STATUS"_qs, u"TRIGGER"_qs, u"CREATED"_qs, u"VERSION"_qs, u"ID"_qs}};
                for (const RemoteBuild &build : *builds)
                    rows.append({QString::number(build.number), RemoteBuild::statusName(build.status), build.trigger,
                                 Format::time(build.createdAt),
                                 build.versionId ? QString::number(*build.versionId) : u"-"_qs,
                                 QString::number(build.id)});
                m_context.output().table(rows);
                m_context.finish();
            });
        });
    });
}

} // namespace ddd::cli
