// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/generator.h"

#include <QString>

namespace ddd::core::build {

// The installed version of a generator's toolchain ("hugo 0.111.3",
// "node 20.20.2"), for the build record and the detection shown to the
// owner. Asked once per process (`hugo version`, `jekyll --version`,
// `mkdocs --version`, `node --version`), since the packages do not change
// under a running agent and Ruby and Python take a while to start.
// These are the operator's own binaries run with no site input, so they
// run outside the sandbox.
class ToolchainProbe final
{
public:
    // "" for plain, "<tool> unavailable" when the command cannot be run.
    static QString version(Generator generator);

    // "hugo v0.111.3+extended linux/amd64" -> "0.111.3"; "" without a version.
    static QString versionNumber(const QByteArray &output);
};

} // namespace ddd::core::build
