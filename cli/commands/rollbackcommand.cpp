// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/commands/rollbackcommand.h"

#include "cli/clicontext.h"
#include "cli/commonoptions.h"
#include "cli/format.h"
#include "core/client/apiclient.h"
#include "core/client/pagewalker.h"

#include <QCommandLineParser>
#include <QJsonObject>

namespace ddd::cli {

using core::Error;
using core::Result;
using core::client::ApiClient;
using core::client::PageOptions;
using core::client::PageWalker;
using core::client::RemotePage;
using core::client::RemoteProject;
using core::model::Version;

QList<QCommandLineOption> RollbackCommand::options() const
{
    return {projectOption()};
}

void RollbackCommand::run(const QCommandLineParser &parser, const QStringList &positional)
{
    bool numeric = true;
    const qint64 number = positional.isEmpty() ? 0 : positional.first().toLongLong(&numeric);
    if (positional.size() > 1 || !numeric || (!positional.isEmpty() && number < 1))
        return m_context.fail(CliContext::usage(u"Usage: ddd rollback [VERSION] [--project P]"_qs));
    const QString project = parser.value(projectOption());
    m_context.connectAgent([this, project, number](ApiClient &api) {
        m_context.findProject(api, project, [this, &api, number](const RemoteProject &found) {
            auto report = [this, found](Result<Version> live) {
                if (!live)
                    return m_context.fail(live.error());
                if (m_context.output().json())
                    m_context.output().document({{u"project"_qs, Format::projectJson(found)},
                                                 {u"live"_qs, Format::versionJson(*live)}});
                else
                    m_context.output().line(QStringLiteral("Version %1 of %2 is live at %3")
                                                .arg(live->number)
                                                .arg(found.name, Format::siteUrl(found)));
                m_context.finish();
            };
            if (number == 0)
                return void(api.rollback(found.id, std::nullopt, &m_context, report));
            // Numbers are what people see; the API wants the version's id.
            auto fetch = [this, &api, id = found.id](const QString &cursor,
                                                     core::client::Callback<RemotePage<Version>> done) {
                api.listDeploys(id, PageOptions{cursor, 200, {}}, &m_context, std::move(done));
            };
            PageWalker<Version>::walk(fetch, [this, &api, found, number, report](Result<QList<Version>> all) {
                if (!all)
                    return m_context.fail(all.error());
                for (const Version &version : *all)
                    if (version.number == number)
                        return void(api.rollback(found.id, version.id, &m_context, report));
                m_context.fail(Error::make(u"deploy.not_found"_qs,
                                           QStringLiteral("%1 has no version %2").arg(found.name).arg(number)));
            });
        });
    });
}

} // namespace ddd::cli
