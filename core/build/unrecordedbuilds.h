// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/build.h"

#include <QList>

#include <mutex>

namespace ddd::core::storage {
class BuildStore;
}

namespace ddd::core::build {

// Builds that ended while their end could not be written (a full or
// read-only disk): without this their row would say "queued" or "running"
// until the next start, and as the project's active build it would answer
// every later build request. They are recorded again before the next build
// is enqueued, when the disk has room again.
class UnrecordedBuilds final
{
public:
    void add(const model::Build &build);
    // Records what it can; keeps the rest for the next try.
    void flush(storage::BuildStore &store);

private:
    std::mutex m_mutex;
    QList<model::Build> m_builds;
};

} // namespace ddd::core::build
