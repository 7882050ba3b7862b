// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace ddd::core::build {

// Operator limits for one sandboxed command (agent config "builds.*").
struct SandboxLimits final
{
    qint64 wallClockMs = 600'000;
    qint64 memoryBytes = qint64(2) << 30;     // cgroup memory limit, never RLIMIT_AS
    int maxProcesses = 256;                   // cgroup pids.max and RLIMIT_NPROC
    qint64 maxFileBytes = qint64(256) << 20;  // RLIMIT_FSIZE: one file
    qint64 maxOutputBytes = qint64(1) << 30;  // everything written under /out
    qint64 tmpBytes = qint64(1) << 30;        // the private tmpfs /tmp and HOME
};

// One command to run in the sandbox. Inside, the source is read-only at
// /src, the output folder writable at /out, HOME=/home/build and /tmp are
// private tmpfs; /usr and the few /etc files a toolchain needs are
// read-only; nothing else of the host (data root, keys, /root) exists.
struct SandboxSpec final
{
    QStringList argv;                            // argv[0] found on PATH=/usr/bin:/bin inside
    QList<QPair<QString, QString>> environment;  // added to the runner's minimal allow-listed environment
    QString sourceDir;                           // host path, bound read-only at /src
    QString outputDir;                           // host path, bound read-write at /out
    QString workingDirectory = QStringLiteral("/src"); // inside the sandbox
    // Extra read-only files placed inside (an agent-owned policy layer, e.g.
    // "/etc/ddd/jekyll-policy.yml"): absolute path inside -> content.
    QList<QPair<QString, QByteArray>> files;
    bool network = false;                        // only an install phase may get it
    SandboxLimits limits;
};

} // namespace ddd::core::build
