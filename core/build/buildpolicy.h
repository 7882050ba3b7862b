// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/sandboxspec.h"

#include <QStringList>

namespace ddd::core::build {

// What the operator decides for every build (agent config "builds.*"); a
// project's settings can narrow it, never widen it.
struct BuildPolicy final
{
    enum class Minify { PerProject, Always, Never };

    QStringList npmScripts{QStringLiteral("build"), QStringLiteral("export")}; // builds.npm_scripts
    QStringList flagsAllowlist;      // builds.flags_allowlist: flag names; empty allows none
    bool installNetwork = false;     // builds.install_network: npm ci may reach the registry
    Minify minify = Minify::PerProject; // builds.minify
    SandboxLimits limits;
    qint64 maxLogBytes = qint64(4) << 20; // builds.max_log_kb
};

} // namespace ddd::core::build
