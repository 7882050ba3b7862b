// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/error.h"

namespace ddd::cli {

// The documented exit statuses of `ddd` (docs/cli.md, ddd(1)); scripts
// switch on them, so the numbers never change meaning.
enum class ExitCode {
    Ok = 0,
    Usage = 1,        // bad arguments or options (cli.usage)
    Auth = 2,         // not logged in, token refused, token store failed
    NotFound = 3,     // the project, version, build or token does not exist (or is not yours)
    Refused = 4,      // the agent or the local pre-flight refused the request
    Network = 5,      // no answer from the agent: refused, unknown host, TLS, timeout
    AgentFailure = 6, // the agent failed (5xx) or answered something unreadable
    BuildFailed = 7,  // `--build` or `logs --follow`: the build ended without success
};

// Which exit status an error's stable code maps to.
ExitCode exitCodeFor(const core::Error &error);

} // namespace ddd::cli
