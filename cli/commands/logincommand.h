// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/command.h"
#include "core/util/result.h"

#include <QUrl>

namespace ddd::core::client {
class ApiClient;
}

namespace ddd::cli {

// `ddd login`: a password login turned into a long-lived API token (as the
// dashboard does), or a token given on stdin, checked with /me and kept in
// the TokenStore; the agent's address goes to the settings file.
class LoginCommand final : public Command
{
public:
    using Command::Command;

    QString name() const override { return u"login"_qs; }
    QString summary() const override { return u"Sign in to an agent and keep an API token for the next commands."_qs; }
    QList<QCommandLineOption> options() const override;
    void run(const QCommandLineParser &parser, const QStringList &positional) override;

private:
    void createToken(core::client::ApiClient &api, const QString &loginToken, bool withBuild);
    void keep(core::client::ApiClient &api, const QString &token);

    QUrl m_agent;
};

} // namespace ddd::cli
