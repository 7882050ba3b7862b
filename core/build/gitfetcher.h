// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/gitsource.h"
#include "core/build/sandboxspec.h"
#include "core/util/result.h"

#include <QString>

#include <stop_token>

namespace ddd::core::build {

class BuildLogSink;
class SandboxRunner;

// Clones one branch of a project's repository (depth 1, no tags, no
// submodules) inside the sandbox, the only build step besides an allowed
// install phase that has network, then removes .git so what remains is a
// plain source tree for Ingest. Git itself is held to the URL's transport
// (GIT_ALLOW_PROTOCOL), never prompts, and reads no system or global config.
class GitFetcher final
{
public:
    struct Fetched final
    {
        QString commit;  // 40 hex characters
        QString subject; // first line of the commit message
    };

    GitFetcher(SandboxRunner &sandbox, SandboxLimits limits);

    // Clones into `directory` (empty, created by the caller).
    // build.invalid_git_url / build.invalid_git_branch before anything runs;
    // build.git_failed (details.exitCode) when the clone fails;
    // build.timeout, build.cancelled, build.sandbox_unavailable as for builds.
    Result<Fetched> fetch(const GitSource &source, const QString &directory, BuildLogSink &log,
                          std::stop_token cancel);

private:
    SandboxSpec spec(const GitSource &source, const QString &directory, const QString &emptySource) const;

    SandboxRunner &m_sandbox;
    const SandboxLimits m_limits;
};

} // namespace ddd::core::build
