// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/command.h"

namespace ddd::cli {

// `ddd rollback [VERSION]`: VERSION is the project's version number as
// `ddd versions` shows it; without it the agent picks the version live before.
class RollbackCommand final : public Command
{
public:
    using Command::Command;

    QString name() const override { return u"rollback"_qs; }
    QString arguments() const override { return u"[VERSION]"_qs; }
    QString summary() const override { return u"Make an earlier version live (default: the one live before)."_qs; }
    QList<QCommandLineOption> options() const override;
    void run(const QCommandLineParser &parser, const QStringList &positional) override;
};

} // namespace ddd::cli
