// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/clicontext.h"

#include "cli/tokenstore.h"
#include "core/client/apiclient.h"
#include "core/client/pagewalker.h"

#include <QCoreApplication>

namespace ddd::cli {

using core::Error;
using core::Result;
using core::client::ApiClient;
using core::client::PageOptions;
using core::client::PageWalker;
using core::client::RemotePage;
using core::client::RemoteProject;
using core::model::Version;

namespace {

constexpr int PageSize = 200; // the largest page of projects and versions the agent answers

bool matches(const RemoteProject &project, const QString &spec)
{
    return QString::number(project.id) == spec || project.name == spec || project.slug == spec
        || (project.domain && project.domain->compare(spec, Qt::CaseInsensitive) == 0);
}

} // namespace

CliContext::CliContext(QProcessEnvironment environment, Output output, QObject *parent)
    : QObject(parent), m_output(output), m_config(std::move(environment))
{
}

CliContext::~CliContext() = default;

Result<TokenStore *> CliContext::tokens()
{
    if (!m_tokens) {
        const auto kind = m_config.tokenStore();
        if (!kind)
            return kind.error();
        m_tokens = std::make_unique<TokenStore>(m_config, *kind);
    }
    return m_tokens.get();
}

ApiClient &CliContext::clientFor(const QUrl &agent)
{
    if (!m_api)
        m_api = new ApiClient(agent, this);
    return *m_api;
}

void CliContext::connectAgent(std::function<void(ApiClient &)> then)
{
    const Result<QUrl> agent = m_config.agent(m_agentOption);
    if (!agent)
        return fail(agent.error());
    ApiClient &api = clientFor(*agent);
    const QString fromEnvironment = m_config.environmentToken();
    if (!fromEnvironment.isEmpty()) {
        api.setToken(fromEnvironment);
        return then(api);
    }
    const Result<TokenStore *> store = tokens();
    if (!store)
        return fail(store.error());
    (*store)->read(*agent, this, [this, &api, then = std::move(then)](Result<QString> token) {
        if (!token)
            return fail(token.error());
        if (token->isEmpty())
            return fail(Error::make(u"cli.not_logged_in"_qs,
                                    u"Not logged in to this agent: run `ddd login`, or set DDD_TOKEN"_qs));
        api.setToken(*token);
        then(api);
    });
}

void CliContext::findProject(ApiClient &api, const QString &spec,
                             std::function<void(const RemoteProject &)> then)
{
    const QString wanted = spec.isEmpty() ? m_config.environmentProject() : spec;
    auto fetch = [this, &api](const QString &cursor, core::client::Callback<RemotePage<RemoteProject>> done) {
        api.listProjects(PageOptions{cursor, PageSize, {}}, this, std::move(done));
    };
    PageWalker<RemoteProject>::walk(fetch, [this, wanted, then = std::move(then)](Result<QList<RemoteProject>> all) {
        if (!all)
            return fail(all.error());
        QList<RemoteProject> found;
        for (const RemoteProject &project : *all)
            if (wanted.isEmpty() || matches(project, wanted))
                found.append(project);
        if (found.size() == 1)
            return then(found.first());
        if (found.isEmpty())
            return fail(Error::make(u"project.not_found"_qs,
                                    wanted.isEmpty() ? u"You have no project yet"_qs
                                                     : QStringLiteral("No project \"%1\"").arg(wanted)));
        fail(Error::make(u"cli.ambiguous_project"_qs,
                         wanted.isEmpty() ? u"Name the project with --project (or DDD_PROJECT)"_qs
                                          : QStringLiteral("Several projects match \"%1\": use its id").arg(wanted)));
    });
}

void CliContext::findLive(ApiClient &api, qint64 projectId,
                          std::function<void(const std::optional<Version> &)> then)
{
    auto fetch = [this, &api, projectId](const QString &cursor, core::client::Callback<RemotePage<Version>> done) {
        api.listDeploys(projectId, PageOptions{cursor, PageSize, {}}, this, std::move(done));
    };
    PageWalker<Version>::walk(fetch, [this, then = std::move(then)](Result<QList<Version>> all) {
        if (!all)
            return fail(all.error());
        for (const Version &version : *all)
            if (version.status == core::model::VersionStatus::Live)
                return then(version);
        then(std::nullopt);
    });
}

void CliContext::finish(ExitCode code)
{
    if (std::exchange(m_finished, true))
        return;
    QCoreApplication::exit(int(code));
}

void CliContext::fail(const Error &error)
{
    if (m_finished)
        return;
    m_output.error(error);
    finish(exitCodeFor(error));
}

Error CliContext::usage(const QString &message)
{
    return Error::make(u"cli.usage"_qs, message);
}

} // namespace ddd::cli
