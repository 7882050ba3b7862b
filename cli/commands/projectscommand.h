// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/command.h"

namespace ddd::cli {

// `ddd projects`: every project the token may see, all pages.
class ProjectsCommand final : public Command
{
public:
    using Command::Command;

    QString name() const override { return u"projects"_qs; }
    QString arguments() const override { return u""_qs; }
    QString summary() const override { return u"List your projects."_qs; }
    void run(const QCommandLineParser &parser, const QStringList &positional) override;
};

} // namespace ddd::cli
