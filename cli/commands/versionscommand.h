// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/command.h"

namespace ddd::cli {

// `ddd versions`: a project's versions, newest first (--limit, default 20).
class VersionsCommand final : public Command
{
public:
    using Command::Command;

    QString name() const override { return u"versions"_qs; }
    QString arguments() const override { return u""_qs; }
    QString summary() const override { return u"List a project's versions, newest first."_qs; }
    QList<QCommandLineOption> options() const override;
    void run(const QCommandLineParser &parser, const QStringList &positional) override;
};

} // namespace ddd::cli
