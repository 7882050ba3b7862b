// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/safepath.h"

#include <QtGlobal>

namespace ddd::core::archive {

// Budgets for one upload or directory tree (security guide 2.2.6). Bytes are
// counted as they are produced, never taken from headers; the agent's
// configuration fills these in, the defaults suit tests and the dashboard.
struct ArchiveLimits final
{
    qint64 maxEntries = 100000;
    qint64 maxEntryBytes = 256LL * 1024 * 1024;
    qint64 maxTotalBytes = 2LL * 1024 * 1024 * 1024;
    // Produced bytes per uploaded byte, checked once ratioFloorBytes have
    // been produced so tiny archives of repetitive text are not refused.
    qint64 maxRatio = 200;
    qint64 ratioFloorBytes = 1024 * 1024;
    int maxPathBytes = 1024;
    int maxComponentBytes = 255;
    int maxDepth = 64;

    PathLimits pathLimits() const { return {maxPathBytes, maxComponentBytes, maxDepth}; }
};

} // namespace ddd::core::archive
