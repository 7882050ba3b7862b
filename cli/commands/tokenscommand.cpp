// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/commands/tokenscommand.h"

#include "cli/clicontext.h"
#include "cli/format.h"
#include "cli/prompt.h"
#include "core/client/apiclient.h"
#include "core/client/remotetoken.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>

namespace ddd::cli {

using core::client::Account;
using core::client::ApiClient;
using core::client::RemoteToken;
using core::client::Session;

namespace {

const QCommandLineOption RevokeOption(u"revoke"_qs, u"Revoke the API token with this id."_qs, u"id"_qs);
const QCommandLineOption PasswordStdinOption(u"password-stdin"_qs,
                                             u"The password comes from stdin (it is read from stdin whenever stdin is not a terminal)."_qs);

QJsonObject tokenJson(const RemoteToken &token)
{
    auto optional = [](const std::optional<qint64> &value) { return value ? QJsonValue(*value) : QJsonValue(); };
    return {{u"id"_qs, token.id},
            {u"name"_qs, token.name},
            {u"capabilities"_qs, QJsonArray::fromStringList(token.capabilities)},
            {u"projectId"_qs, optional(token.projectId)},
            {u"expiresAt"_qs, optional(token.expiresAt)},
            {u"createdAt"_qs, token.createdAt},
            {u"lastUsedAt"_qs, optional(token.lastUsedAt)}};
}

} // namespace

QList<QCommandLineOption> TokensCommand::options() const
{
    return {RevokeOption, PasswordStdinOption};
}

void TokensCommand::run(const QCommandLineParser &parser, const QStringList &positional)
{
    bool numeric = true;
    m_revoke = parser.isSet(RevokeOption) ? parser.value(RevokeOption).toLongLong(&numeric) : 0;
    if (!positional.isEmpty() || !numeric || m_revoke < 0)
        return m_context.fail(CliContext::usage(u"Usage: ddd tokens [--revoke ID] [--password-stdin]"_qs));
    m_context.connectAgent([this](ApiClient &api) { act(api, true); });
}

void TokensCommand::act(ApiClient &api, bool again)
{
    if (m_revoke > 0)
        revoke(api, again);
    else
        list(api, again);
}

// Only a login token may manage tokens: sign in as the stored token's account.
void TokensCommand::signInAndRetry(ApiClient &api)
{
    api.me(&m_context, [this, &api](core::Result<Account> account) {
        if (!account)
            return m_context.fail(account.error());
        const QString password = Prompt::line(QStringLiteral("Password for %1: ").arg(account->email), true);
        api.login(account->email, password, &m_context, [this, &api](core::Result<Session> session) {
            if (!session)
                return m_context.fail(session.error());
            api.setToken(session->token);
            act(api, false);
        });
    });
}

void TokensCommand::revoke(ApiClient &api, bool again)
{
    api.revokeToken(m_revoke, &m_context, [this, &api, again](core::Status revoked) {
        if (!revoked && again && revoked.error().code == u"auth.forbidden")
            return signInAndRetry(api);
        if (!revoked)
            return m_context.fail(revoked.error());
        if (m_context.output().json())
            m_context.output().document({{u"revoked"_qs, m_revoke}});
        else
            m_context.output().line(QStringLiteral("Token %1 revoked").arg(m_revoke));
        m_context.finish();
    });
}

void TokensCommand::list(ApiClient &api, bool again)
{
    api.listTokens(&m_context, [this, &api, again](core::Result<QList<RemoteToken>> tokens) {
        if (!tokens && again && tokens.error().code == u"auth.forbidden")
            return signInAndRetry(api);
        if (!tokens)
            return m_context.fail(tokens.error());
        if (m_context.output().json()) {
            QJsonArray items;
            for (const RemoteToken &token : *tokens)
                items.append(tokenJson(token));
            m_context.output().document({{u"tokens"_qs, items}});
            return m_context.finish();
        }
        QList<QStringList> rows{{u"ID"_qs, u"NAME"_qs, u"CAPABILITIES"_qs, u"PROJECT"_qs, u"LAST USED"_qs}};
        for (const RemoteToken &token : *tokens)
            rows.append({QString::number(token.id), token.name, token.capabilities.join(u','),
                         token.projectId ? QString::number(*token.projectId) : u"all"_qs,
                         token.lastUsedAt ? Format::time(*token.lastUsedAt) : u"never"_qs});
        m_context.output().table(rows);
        m_context.finish();
    });
}

} // namespace ddd::cli
