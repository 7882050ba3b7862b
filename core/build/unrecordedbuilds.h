// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/build.h"

#include <QList>
#include <QString>

#include <mutex>

namespace ddd::core::storage {
class BuildStore;
}

namespace ddd::core::build {

// Builds that ended while their end could not be written (a full or
// read-only disk): without this their row would say "queued" or "running"
// until the next start, and as the project's active build it would answer
// every later build request. Every read of builds and every build request
// tries to record them again (a cheap no-op when there are none), so they
// are written as soon as the disk has room; until then readers see them
// ended, as they are, through overlay().
class UnrecordedBuilds final
{
public:
    void add(const model::Build &build);
    // Records what it can as builds that ran on `agentId`; keeps the rest
    // for the next try. One another agent recorded interrupted meanwhile is
    // dropped: its row is no longer this agent's to write.
    void flush(storage::BuildStore &store, const QString &agentId);
    // Replaces a stored row by its ended state when that is still unrecorded.
    void overlay(model::Build &build) const;
    void overlay(QList<model::Build> &builds) const;

private:
    mutable std::mutex m_mutex;
    QList<model::Build> m_builds;
};

} // namespace ddd::core::build
