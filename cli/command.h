// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QCommandLineParser;

namespace ddd::cli {

class CliContext;

// One `ddd` command (KeePassXC's CLI shape: a small class per command, one
// registry function listing them all). run() starts the work and returns;
// the command ends later with CliContext::finish() or fail().
class Command
{
public:
    explicit Command(CliContext &context) : m_context(context) {}
    virtual ~Command() = default;
    Command(const Command &) = delete;
    Command &operator=(const Command &) = delete;

    virtual QString name() const = 0;
    virtual QString arguments() const { return {}; } // after the name, for the usage line
    virtual QString summary() const = 0;
    virtual QList<QCommandLineOption> options() const { return {}; }
    // `positional` excludes the command's name.
    virtual void run(const QCommandLineParser &parser, const QStringList &positional) = 0;

protected:
    CliContext &m_context;
};

// Every command, in the order `ddd --help` lists them.
std::vector<std::unique_ptr<Command>> allCommands(CliContext &context);

} // namespace ddd::cli
