// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

namespace ddd::core::build {

// How a sandboxed command ended. Every reason but Exited means the whole
// process tree was killed and is gone when run() returns.
struct SandboxExit final
{
    enum class Reason { Exited, Signalled, TimedOut, Cancelled, MemoryExceeded, OutputTooLarge };
    Reason reason = Reason::Exited;
    int exitCode = 0;   // Exited
    int signal = 0;     // Signalled
    qint64 durationMs = 0;
    qint64 peakMemoryBytes = -1; // -1 when the cgroup does not tell

    bool succeeded() const { return reason == Reason::Exited && exitCode == 0; }
};

} // namespace ddd::core::build
