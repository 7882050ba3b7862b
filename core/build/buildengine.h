// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/buildoutcome.h"
#include "core/build/buildpolicy.h"
#include "core/build/buildrequest.h"
#include "core/util/result.h"

#include <stop_token>

namespace ddd::core::build {

class BuildLogSink;
class SandboxRunner;
struct BuildPlan;

// Source tree in, site files out: detects the generator (or takes the
// project's choice), checks the settings against the policy again, runs the
// install and build phases in the sandbox (only an allowed install phase
// gets network), walks the output without following links, and minifies
// unless the project or operator says not to. Blocks the calling thread.
//
// Refusals (stable codes): build.undetected, build.invalid_settings,
// build.flag_not_allowed (details.rejected), build.script_not_allowed,
// build.sandbox_unavailable, build.failed (details.phase, details.exitCode),
// build.timeout, build.memory_exceeded, build.cancelled,
// build.output_missing, build.output_invalid (details.path: a link, device,
// fifo...), build.output_too_large.
class BuildEngine final
{
public:
    BuildEngine(SandboxRunner &sandbox, BuildPolicy policy);

    Result<BuildOutcome> run(const BuildRequest &request, BuildLogSink &log, std::stop_token cancel);

    const BuildPolicy &policy() const { return m_policy; }

private:
    void noteDetection(const Detection &detection, BuildLogSink &log) const;
    Status copyPlain(const BuildRequest &request, const BuildPlan &plan, BuildOutcome &outcome, BuildLogSink &log) const;
    Status runPhases(const BuildRequest &request, const BuildPlan &plan, BuildOutcome &outcome, BuildLogSink &log,
                     std::stop_token cancel);
    Result<BuildPhase> runPhase(const QString &name, const SandboxSpec &spec, BuildLogSink &log,
                                std::stop_token cancel, bool tolerateExitCode = false);

    SandboxRunner &m_sandbox;
    const BuildPolicy m_policy;
};

} // namespace ddd::core::build
