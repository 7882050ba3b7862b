// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/commands/projectscommand.h"

#include "cli/clicontext.h"
#include "cli/format.h"
#include "core/client/apiclient.h"
#include "core/client/pagewalker.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ddd::cli {

using core::Result;
using core::client::ApiClient;
using core::client::PageOptions;
using core::client::PageWalker;
using core::client::RemotePage;
using core::client::RemoteProject;

void ProjectsCommand::run(const QCommandLineParser &, const QStringList &positional)
{
    if (!positional.isEmpty())
        return m_context.fail(CliContext::usage(u"projects takes no arguments"_qs));
    m_context.connectAgent([this](ApiClient &api) {
        auto fetch = [this, &api](const QString &cursor, core::client::Callback<RemotePage<RemoteProject>> done) {
            api.listProjects(PageOptions{cursor, 200, {}}, &m_context, std::move(done));
        };
        PageWalker<RemoteProject>::walk(fetch, [this](Result<QList<RemoteProject>> projects) {
            if (!projects)
                return m_context.fail(projects.error());
            if (m_context.output().json()) {
                QJsonArray items;
                for (const RemoteProject &project : *projects)
                    items.append(Format::projectJson(project));
                m_context.output().document({{u"projects"_qs, items}});
                return m_context.finish();
            }
            QList<QStringList> rows{{u"ID"_qs, u"NAME"_qs, u"DOMAIN"_qs, u"URL"_qs}};
            for (const RemoteProject &project : *projects)
                rows.append({QString::number(project.id), project.name, project.domain.value_or(u"-"_qs),
                             Format::siteUrl(project)});
            m_context.output().table(rows);
            m_context.finish();
        });
    });
}

} // namespace ddd::cli
