// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/command.h"
#include "core/client/remotebuild.h"
#include "core/util/result.h"

namespace ddd::cli {

// `ddd logs BUILD [--follow]`: a build's log (BUILD is the id `deploy
// --build` and `builds` print); --follow streams it live until the build
// ends and exits 7 unless it succeeded.
class LogsCommand final : public Command
{
public:
    using Command::Command;

    QString name() const override { return u"logs"_qs; }
    QString arguments() const override { return u"BUILD"_qs; }
    QString summary() const override { return u"Print a build's log; --follow streams it until the build ends."_qs; }
    QList<QCommandLineOption> options() const override;
    void run(const QCommandLineParser &parser, const QStringList &positional) override;

private:
    void ended(const core::Result<core::client::RemoteBuild> &build);
};

} // namespace ddd::cli
