// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/sandboxexit.h"
#include "core/build/sandboxspec.h"

#include <QByteArray>

#include <chrono>
#include <functional>
#include <optional>
#include <stop_token>

namespace ddd::core::build {

class BuildCgroup;

// Follows one started sandbox to its end: hands on its output line by line,
// and kills the whole tree at the wall clock, on a stop request or when
// /out passes its cap. Returns once the pipe is closed, bwrap is reaped and
// the cgroup is empty, with the reason the run ended.
class SandboxWatch final
{
public:
    using LineSink = std::function<void(const QByteArray &line)>;

    SandboxWatch(const SandboxSpec &spec, int pid, int output, const BuildCgroup &cgroup);

    SandboxExit run(const LineSink &onLine, std::stop_token cancel);

private:
    using Clock = std::chrono::steady_clock;

    void check(const std::stop_token &cancel);
    void killTree(SandboxExit::Reason reason);
    bool outputTooLarge() const;
    SandboxExit finish();

    const SandboxSpec &m_spec;
    const int m_pid;
    const int m_output;
    const BuildCgroup &m_cgroup;
    const Clock::time_point m_started = Clock::now();
    const Clock::time_point m_deadline;
    Clock::time_point m_nextMeasure;
    std::optional<SandboxExit::Reason> m_killedFor;
};

} // namespace ddd::core::build
