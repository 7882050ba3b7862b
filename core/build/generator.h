// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace ddd::core::build {

// The site generators the agent knows how to run. Plain means "already a
// built site": deployed as is, no sandbox needed.
enum class Generator { Plain, Hugo, Jekyll, MkDocs, Npm };

// "plain", "hugo", "jekyll", "mkdocs", "npm" on the wire and in settings.
QString generatorName(Generator generator);
std::optional<Generator> generatorFromName(const QString &name);

} // namespace ddd::core::build
