// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/command.h"

namespace ddd::cli {

// `ddd builds`: a project's newest builds (the agent's first page).
class BuildsCommand final : public Command
{
public:
    using Command::Command;

    QString name() const override { return u"builds"_qs; }
    QString summary() const override { return u"List a project's newest builds."_qs; }
    QList<QCommandLineOption> options() const override;
    void run(const QCommandLineParser &parser, const QStringList &positional) override;
};

} // namespace ddd::cli
