// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/detection.h"
#include "core/util/result.h"

#include <QString>

#include <optional>

namespace ddd::core::build {

// Tells what a source folder is from its file names and a few small config
// files (package.json scripts), without running anything, so the dashboard
// can show it on drop and the agent before a build:
// Hugo: hugo.toml|yaml|json or config.toml|yaml|json beside content/,
// layouts/ or themes/; Jekyll: _config.yml|yaml; MkDocs: mkdocs.yml|yaml;
// npm: package.json with the chosen script; plain: index.html at the root or
// in the only top folder. build.undetected (with a human reason) otherwise.
class BuildDetector final
{
public:
    struct Choice final
    {
        std::optional<Generator> generator; // the project's override; nullopt = detect
        QString npmScript = QStringLiteral("build");
        QString outputDir;                  // override of the generator's convention
    };

    static Result<Detection> detect(const QString &sourceDirectory, const Choice &choice);
};

} // namespace ddd::core::build
