// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "cli/command.h"

#include "cli/commands/buildscommand.h"
#include "cli/commands/deploycommand.h"
#include "cli/commands/logincommand.h"
#include "cli/commands/logoutcommand.h"
#include "cli/commands/logscommand.h"
#include "cli/commands/projectscommand.h"
#include "cli/commands/rollbackcommand.h"
#include "cli/commands/tokenscommand.h"
#include "cli/commands/webhookscommand.h"
#include "cli/commands/versionscommand.h"

namespace ddd::cli {

// The one list of commands: `ddd --help`, docs/cli.md and ddd(1) follow it.
std::vector<std::unique_ptr<Command>> allCommands(CliContext &context)
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<LoginCommand>(context));
    commands.push_back(std::make_unique<LogoutCommand>(context));
    commands.push_back(std::make_unique<ProjectsCommand>(context));
    commands.push_back(std::make_unique<DeployCommand>(context));
    commands.push_back(std::make_unique<VersionsCommand>(context));
    commands.push_back(std::make_unique<RollbackCommand>(context));
    commands.push_back(std::make_unique<BuildsCommand>(context));
    commands.push_back(std::make_unique<LogsCommand>(context));
    commands.push_back(std::make_unique<TokensCommand>(context));
    commands.push_back(std::make_unique<WebhooksCommand>(context));
    return commands;
}

} // namespace ddd::cli
