// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QList>

#include <optional>
#include <vector>

namespace ddd::core::build {

// Forks and execs bubblewrap the way the security guide asks: the child
// joins the run's cgroups, starts a new session, sets its rlimits, drops root
// for the build user (no supplementary groups, empty capability sets and
// bounding set), sets no_new_privs, keeps only the descriptors bwrap needs
// and execs it with an empty environment. start() returns once the exec has
// happened, or an error naming the step that failed (every step is checked;
// none is skipped).
//
// When the agent is root, the data root (0700, root's) cannot be traversed
// by the build user, and bwrap 0.8 resolves even --bind-fd sources by path.
// So the child first enters a private mount namespace, mounts a tiny tmpfs
// on `stageDir` and binds the two folders there (source read-only; by path:
// a descriptor opened before unshare belongs to the old namespace, which
// bind mounts refuse);
// bwrap, now the build user, binds them from there. Nothing else of the
// data root becomes reachable, and no other process sees these mounts.
class SandboxProcess final
{
public:
    struct Drop final
    {
        uint uid = 0;
        uint gid = 0;
    };

    struct Plan final
    {
        QList<QByteArray> argv;           // argv[0] is bwrap's absolute path
        std::vector<int> passFds;         // descriptors bwrap reads (--ro-bind-data)
        std::vector<int> cgroupProcsFds;  // each gets "0" written: the child joins
        int outputFd = -1;                // stdout and stderr of the child
        std::optional<Drop> dropTo;       // set when the agent is root
        QByteArray stageDir;              // root only: where the folders are bound
        QByteArray sourcePath;            // root only: the source folder on the host
        QByteArray outputPath;            // root only: the output folder on the host
        qint64 maxProcesses = 0;          // RLIMIT_NPROC
        qint64 maxFileBytes = 0;          // RLIMIT_FSIZE
    };

    // The pid of bwrap, or build.sandbox_unavailable.
    static Result<int> start(const Plan &plan);
};

} // namespace ddd::core::build
