// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/cli.h"

#include "cli/clicontext.h"

#include <QCommandLineParser>

namespace ddd::cli {

namespace {

const QCommandLineOption JsonOption(u"json"_qs, u"Print machine-readable JSON on stdout."_qs);
const QCommandLineOption AgentOption(u"agent"_qs, u"The agent's address (else DDD_AGENT, else the one of `ddd login`)."_qs,
                                     u"url"_qs);
const QCommandLineOption HelpOption(QStringList{u"h"_qs, u"help"_qs}, u"Show help."_qs);
const QCommandLineOption VersionOption(u"version"_qs, u"Show the version."_qs);

QString optionLine(const QCommandLineOption &option)
{
    QStringList names;
    for (const QString &name : option.names())
        names.append((name.size() == 1 ? u"-"_qs : u"--"_qs) + name);
    QString text = names.join(u", "_qs);
    if (!option.valueName().isEmpty())
        text += u' ' + option.valueName().toUpper();
    return u"  "_qs + text.leftJustified(24) + u' ' + option.description();
}

} // namespace

Cli::Cli(CliContext &context) : m_context(context), m_commands(allCommands(context)) {}

Cli::~Cli() = default;

void Cli::run(const QStringList &arguments)
{
    const QString name = commandName(arguments);
    Command *command = name.isEmpty() ? nullptr : find(name);
    // Before the parser has run, so that even its refusals come as JSON.
    m_context.output().setJson(arguments.contains(u"--json"_qs));
    if (!name.isEmpty() && !command)
        return m_context.fail(CliContext::usage(QStringLiteral("Unknown command \"%1\"; see `ddd --help`").arg(name)));
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions({JsonOption, AgentOption, HelpOption, VersionOption});
    if (command)
        parser.addOptions(command->options());
    if (!parser.parse(arguments))
        return m_context.fail(CliContext::usage(parser.errorText()));
    m_context.output().setJson(parser.isSet(JsonOption));
    m_context.setAgentOption(parser.value(AgentOption));
    if (parser.isSet(VersionOption)) {
        m_context.output().line(u"ddd "_qs + QStringLiteral(DDD_VERSION));
        return m_context.finish();
    }
    if (parser.isSet(HelpOption) || !command) {
        printHelp(command);
        return m_context.finish(command || parser.isSet(HelpOption) ? ExitCode::Ok : ExitCode::Usage);
    }
    command->run(parser, parser.positionalArguments().mid(1));
}

Command *Cli::find(const QString &name) const
{
    for (const auto &command : m_commands)
        if (command->name() == name)
            return command.get();
    return nullptr;
}

// The first word that is neither an option nor the value of --agent.
QString Cli::commandName(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &word = arguments.at(i);
        if (word == u"--agent" || word == u"-agent")
            ++i;
        else if (!word.startsWith(u'-'))
            return word;
    }
    return {};
}

void Cli::printHelp(const Command *command) const
{
    Output &out = m_context.output();
    if (command) {
        out.line(u"Usage: ddd "_qs + command->name() + u' ' + command->arguments() + u" [options]"_qs);
        out.line(QString());
        out.line(command->summary());
        out.line(QString());
        out.line(u"Options:"_qs);
        for (const QCommandLineOption &option : command->options())
            out.line(optionLine(option));
    } else {
        out.line(u"Usage: ddd COMMAND [options]\n\nDeploys static sites to a DragDropDeploy agent.\n\nCommands:"_qs);
        for (const auto &each : m_commands)
            out.line(u"  "_qs + (each->name() + u' ' + each->arguments()).leftJustified(40) + u' ' + each->summary());
        out.line(u"\nSee `ddd COMMAND --help` and ddd(1). Global options:"_qs);
    }
    for (const QCommandLineOption &option : {JsonOption, AgentOption, HelpOption, VersionOption})
        out.line(optionLine(option));
}

} // namespace ddd::cli
