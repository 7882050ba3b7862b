// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/build/sandboxexit.h"
#include "core/build/sandboxspec.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <stop_token>

namespace ddd::core::build {

// Runs untrusted build commands (security guide: user code runs here).
// Never as root: when the agent is root it switches to the unprivileged
// build user (created when missing) with no capabilities, then starts
// bubblewrap with every namespace unshared, --die-with-parent,
// --new-session, --disable-userns, an empty environment plus an allow-list,
// network off unless the spec asks for it. Limits: wall clock (the whole
// tree is killed, detached children included), memory and processes by
// cgroup (v2 where delegated, v1 otherwise), RLIMIT_FSIZE per file, a cap on
// what /out holds. If any of that cannot be set up the run is refused with
// build.sandbox_unavailable; it never falls back to running unsandboxed.
class SandboxRunner final
{
public:
    struct Options final
    {
        QString buildUser = QStringLiteral("ddd-build"); // used when the agent runs as root
        QString bubblewrap = QStringLiteral("/usr/bin/bwrap");
        QString cgroupName = QStringLiteral("ddd-build"); // parent cgroup of every build
    };

    explicit SandboxRunner(Options options);
    ~SandboxRunner();
    SandboxRunner(const SandboxRunner &) = delete;
    SandboxRunner &operator=(const SandboxRunner &) = delete;

    // Whether a sandbox can be made here at all; build.sandbox_unavailable
    // with a human reason otherwise. Cheap after the first call.
    Status probe();

    // For the operator's log and docs: what is enforced here and how (e.g.
    // "build user ddd-build; memory: cgroup v1; processes: cgroup v1; ...").
    // Empty until probe() succeeded.
    QString enforcement() const;

    // Runs one command and blocks the calling thread until its whole process
    // tree is gone. stdout and stderr arrive merged, one line at a time
    // (without the newline; lines over 64 KiB are split), on the calling
    // thread. A stop request kills the tree (Reason::Cancelled).
    Result<SandboxExit> run(const SandboxSpec &spec, const std::function<void(const QByteArray &line)> &onLine,
                            std::stop_token cancel);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    Options m_options;
};

} // namespace ddd::core::build
