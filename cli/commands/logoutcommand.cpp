// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/commands/logoutcommand.h"

#include "cli/clicontext.h"
#include "cli/tokenstore.h"

#include <QJsonObject>

namespace ddd::cli {

void LogoutCommand::run(const QCommandLineParser &, const QStringList &positional)
{
    if (!positional.isEmpty())
        return m_context.fail(CliContext::usage(u"logout takes no arguments"_qs));
    const auto agent = m_context.config().agent(m_context.agentOption());
    if (!agent)
        return m_context.fail(agent.error());
    const auto store = m_context.tokens();
    if (!store)
        return m_context.fail(store.error());
    (*store)->remove(*agent, &m_context, [this, agent = *agent](core::Status removed) {
        if (!removed)
            return m_context.fail(removed.error());
        if (core::Status forgot = m_context.config().forgetAgent(); !forgot)
            return m_context.fail(forgot.error());
        if (m_context.output().json())
            m_context.output().document({{u"agent"_qs, agent.toString()}, {u"loggedOut"_qs, true}});
        else
            m_context.output().line(u"Logged out of "_qs + agent.toString());
        m_context.finish();
    });
}

} // namespace ddd::cli
