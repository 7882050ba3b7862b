// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/command.h"

namespace ddd::core::client {
class ApiClient;
}

namespace ddd::cli {

// `ddd tokens [--revoke ID]`: your API tokens (names, capabilities, last
// use; never their secrets), or revoke one. The agent allows both to login
// tokens only: when it refuses the stored API token (auth.forbidden), the
// command asks for the account's password (or reads it with
// --password-stdin), signs in for this one call and tries again.
class TokensCommand final : public Command
{
public:
    using Command::Command;

    QString name() const override { return u"tokens"_qs; }
    QString summary() const override { return u"List your API tokens, or revoke one with --revoke ID."_qs; }
    QList<QCommandLineOption> options() const override;
    void run(const QCommandLineParser &parser, const QStringList &positional) override;

private:
    void act(core::client::ApiClient &api, bool again);
    void signInAndRetry(core::client::ApiClient &api);
    void list(core::client::ApiClient &api, bool again);
    void revoke(core::client::ApiClient &api, bool again);

    qint64 m_revoke = 0;
};

} // namespace ddd::cli
