// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cli/command.h"

#include <QStringList>

namespace ddd::cli {

class CliContext;

// Reads the command line, picks the command and runs it: global options
// (--agent, --json, --help, --version) are accepted before or after the
// command's name, each command adds its own.
class Cli final
{
public:
    explicit Cli(CliContext &context);
    ~Cli();

    // Starts the command; the exit status comes through the event loop.
    void run(const QStringList &arguments);

private:
    Command *find(const QString &name) const;
    static QString commandName(const QStringList &arguments);
    void printHelp(const Command *command) const;

    CliContext &m_context;
    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace ddd::cli
