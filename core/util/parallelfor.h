// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace ddd::core {

// Calls `each(i)` for every i in [0, count) on up to `threads` threads, the
// caller's among them, each taking the next index as soon as it is free:
// work bound by round trips (uploads, HEAD requests) or by disks goes that
// many at once. `each` answers false to stop every thread taking a new
// index (a failure); calls already running finish. Returns when all have.
// `each` is called concurrently: it guards what it shares.
template<typename Each>
void parallelFor(qsizetype count, int threads, Each each)
{
    std::atomic<qsizetype> next = 0;
    std::atomic<bool> stopped = false;
    const auto work = [&] {
        for (qsizetype i = next++; i < count && !stopped; i = next++)
            if (!each(i))
                stopped = true;
    };
    std::vector<std::jthread> helpers;
    for (qsizetype i = 1; i < std::min<qsizetype>(threads, count); ++i)
        helpers.emplace_back(work);
    work();
}

} // namespace ddd::core
