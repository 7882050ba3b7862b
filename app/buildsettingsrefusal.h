// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/error.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace ddd::app {

// Where the agent's refusal of a settings save belongs in the Build group,
// and what to say there. The agent names the field in the error's code
// (build.invalid_git_url) or in details.field (project.invalid_settings with
// "build.npmScript"); the reason code becomes a sentence the user can act on.
struct BuildSettingsRefusal final
{
    Q_DECLARE_TR_FUNCTIONS(BuildSettingsRefusal)

public:
    // One of: generator, npmScript, outputDir, publishAutomatically,
    // optOutMinify, buildFlags, git.url, git.branch.
    QString field;
    QString text;

    // nullopt for refusals about anything outside the Build group.
    static std::optional<BuildSettingsRefusal> from(const core::Error &error);
};

} // namespace ddd::app
