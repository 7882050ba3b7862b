// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/command.h"

namespace ddd::cli {

// `ddd logout`: removes the token from the TokenStore and the saved address
// (the API token itself stays valid on the agent until revoked).
class LogoutCommand final : public Command
{
public:
    using Command::Command;

    QString name() const override { return u"logout"_qs; }
    QString arguments() const override { return u""_qs; }
    QString summary() const override { return u"Forget the stored token and agent address."_qs; }
    void run(const QCommandLineParser &parser, const QStringList &positional) override;
};

} // namespace ddd::cli
