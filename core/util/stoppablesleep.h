// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stop_token>

namespace ddd::core {

// Waits `duration` on a background thread unless stop is requested first,
// so stopping the thread is heard at once. Answers false when it was.
inline bool sleepUnlessStopped(const std::stop_token &stop, std::chrono::milliseconds duration)
{
    std::mutex mutex;
    std::unique_lock lock(mutex);
    std::condition_variable_any wake;
    wake.wait_for(lock, stop, duration, [] { return false; });
    return !stop.stop_requested();
}

} // namespace ddd::core
