// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/commands/logincommand.h"

#include "cli/clicontext.h"
#include "cli/prompt.h"
#include "cli/tokenstore.h"
#include "core/client/apiclient.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QSysInfo>

namespace ddd::cli {

using core::Result;
using core::client::Account;
using core::client::ApiClient;
using core::client::Session;

namespace {

const QCommandLineOption EmailOption(u"email"_qs, u"The account's email (else asked)."_qs, u"email"_qs);
const QCommandLineOption PasswordStdinOption(u"password-stdin"_qs, u"Read the password from stdin."_qs);
const QCommandLineOption TokenStdinOption(u"token-stdin"_qs, u"Read an API token (ddd_...) from stdin instead."_qs);

QStringList capabilities(bool withBuild)
{
    QStringList names = {u"read"_qs, u"deploy"_qs, u"activate"_qs, u"projects"_qs};
    if (withBuild)
        names.append(u"build"_qs);
    return names;
}

} // namespace

QList<QCommandLineOption> LoginCommand::options() const
{
    return {EmailOption, PasswordStdinOption, TokenStdinOption};
}

void LoginCommand::run(const QCommandLineParser &parser, const QStringList &positional)
{
    if (!positional.isEmpty())
        return m_context.fail(CliContext::usage(u"login takes no arguments"_qs));
    const Result<QUrl> agent = m_context.config().agent(m_context.agentOption());
    if (!agent)
        return m_context.fail(agent.error());
    m_agent = *agent;
    ApiClient &api = m_context.clientFor(m_agent);
    if (parser.isSet(TokenStdinOption))
        return keep(api, Prompt::line(u"API token: "_qs, true).trimmed());
    const QString email = parser.isSet(EmailOption) ? parser.value(EmailOption) : Prompt::line(u"Email: "_qs, false);
    const QString password = Prompt::line(u"Password: "_qs, true);
    if (email.isEmpty() || password.isEmpty())
        return m_context.fail(CliContext::usage(u"An email and a password are needed"_qs));
    api.login(email.trimmed(), password, &m_context, [this, &api](Result<Session> session) {
        if (!session)
            return m_context.fail(session.error());
        api.setToken(session->token);
        createToken(api, session->token, true);
    });
}

// A login token lasts hours; an API token with the deploy capabilities is
// what a command line (and CI) wants. An agent from before builds refuses
// the "build" capability, so ask again without it.
void LoginCommand::createToken(ApiClient &api, const QString &loginToken, bool withBuild)
{
    const QString name = u"ddd on "_qs + QSysInfo::machineHostName();
    api.createToken(name, capabilities(withBuild), &m_context,
                    [this, &api, loginToken, withBuild](Result<QString> secret) {
                        if (!secret && withBuild && secret.error().code == u"token.invalid_capability")
                            return createToken(api, loginToken, false);
                        if (!secret)
                            return m_context.fail(secret.error());
                        keep(api, *secret);
                    });
}

void LoginCommand::keep(ApiClient &api, const QString &token)
{
    api.setToken(token);
    api.me(&m_context, [this, token](Result<Account> account) {
        if (!account)
            return m_context.fail(account.error());
        const auto store = m_context.tokens();
        if (!store)
            return m_context.fail(store.error());
        (*store)->write(m_agent, token, &m_context, [this, account = *account, store = *store](core::Status written) {
            if (!written)
                return m_context.fail(written.error());
            if (core::Status saved = m_context.config().saveAgent(m_agent); !saved)
                return m_context.fail(saved.error());
            if (m_context.output().json())
                m_context.output().document({{u"agent"_qs, m_agent.toString()},
                                             {u"email"_qs, account.email},
                                             {u"tokenStore"_qs, store->where()}});
            else
                m_context.output().line(QStringLiteral("Logged in to %1 as %2 (token kept in the %3)")
                                            .arg(m_agent.toString(), account.email, store->where()));
            m_context.finish();
        });
    });
}

} // namespace ddd::cli
