// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/commands/versionscommand.h"

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
using core::client::RemotePage;
using core::client::RemoteProject;
using core::model::Version;

namespace {

const QCommandLineOption LimitOption(u"limit"_qs, u"How many versions, newest first (1-200, default 20)."_qs,
                                     u"n"_qs, u"20"_qs);

} // namespace

QList<QCommandLineOption> VersionsCommand::options() const
{
    return {projectOption(), LimitOption};
}

void VersionsCommand::run(const QCommandLineParser &parser, const QStringList &positional)
{
    bool numeric = false;
    const int limit = parser.value(LimitOption).toInt(&numeric);
    if (!positional.isEmpty() || !numeric || limit < 1 || limit > 200)
        return m_context.fail(CliContext::usage(u"Usage: ddd versions [--project P] [--limit 1-200]"_qs));
    const QString project = parser.value(projectOption());
    m_context.connectAgent([this, project, limit](ApiClient &api) {
        m_context.findProject(api, project, [this, &api, limit](const RemoteProject &found) {
            api.listDeploys(found.id, {{}, limit, {}}, &m_context, [this, found](Result<RemotePage<Version>> page) {
                if (!page)
                    return m_context.fail(page.error());
                if (m_context.output().json()) {
                    QJsonArray items;
                    for (const Version &version : page->items)
                        items.append(Format::versionJson(version));
                    m_context.output().document({{u"project"_qs, Format::projectJson(found)}, {u"versions"_qs, items}});
                    return m_context.finish();
                }
                QList<QStringList> rows{Format::versionHeader()};
                for (const Version &version : page->items)
                    rows.append(Format::versionRow(version));
                m_context.output().table(rows);
                m_context.finish();
            });
        });
    });
}

} // namespace ddd::cli
