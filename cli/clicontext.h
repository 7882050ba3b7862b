// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/cliconfig.h"
#include "cli/exitcode.h"
#include "cli/output.h"
#include "core/client/remoteproject.h"
#include "core/model/version.h"
#include "core/util/result.h"

#include <QObject>
#include <QProcessEnvironment>

#include <functional>
#include <memory>

namespace ddd::core::client {
class ApiClient;
}

namespace ddd::cli {

using core::Error;
using core::Result;
using core::Status;

class TokenStore;

// What every command shares: the output, the configuration, the token store
// and the one ApiClient, plus the steps most commands begin with (reach the
// agent with a token, find the project). A command ends by calling finish()
// or fail() exactly once; the event loop then exits with that status.
class CliContext final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CliContext)

public:
    CliContext(QProcessEnvironment environment, Output output, QObject *parent = nullptr);
    ~CliContext() override;

    Output &output() { return m_output; }
    const CliConfig &config() const { return m_config; }
    void setAgentOption(const QString &agent) { m_agentOption = agent; }
    QString agentOption() const { return m_agentOption; }

    Result<TokenStore *> tokens();
    // A client for `agent` without a token (login), owned by the context.
    core::client::ApiClient &clientFor(const QUrl &agent);
    // The agent and a token (DDD_TOKEN, else the stored one), then `then`.
    void connectAgent(std::function<void(core::client::ApiClient &)> then);
    // `spec`: an id, a name, a domain or a slug; empty: DDD_PROJECT, else the
    // account's only project.
    void findProject(core::client::ApiClient &api, const QString &spec,
                     std::function<void(const core::client::RemoteProject &)> then);
    // The project's live version, if any (walks the versions, newest first).
    void findLive(core::client::ApiClient &api, qint64 projectId,
                  std::function<void(const std::optional<core::model::Version> &)> then);

    void finish(ExitCode code = ExitCode::Ok);
    void fail(const core::Error &error);
    static core::Error usage(const QString &message);

private:
    Output m_output;
    CliConfig m_config;
    QString m_agentOption;
    std::unique_ptr<TokenStore> m_tokens;
    core::client::ApiClient *m_api = nullptr;
    bool m_finished = false;
};

} // namespace ddd::cli
