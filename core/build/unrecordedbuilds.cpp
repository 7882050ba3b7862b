// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/unrecordedbuilds.h"

#include "core/storage/buildstore.h"

namespace ddd::core::build {

void UnrecordedBuilds::add(const model::Build &build)
{
    std::lock_guard lock(m_mutex);
    m_builds.append(build);
}

void UnrecordedBuilds::flush(storage::BuildStore &store, const QString &agentId)
{
    std::lock_guard lock(m_mutex);
    m_builds.removeIf([&](const model::Build &build) { return store.update(build, agentId).ok(); });
}

void UnrecordedBuilds::overlay(model::Build &build) const
{
    std::lock_guard lock(m_mutex);
    for (const model::Build &ended : m_builds)
        if (ended.id == build.id)
            build = ended;
}

void UnrecordedBuilds::overlay(QList<model::Build> &builds) const
{
    for (model::Build &build : builds)
        overlay(build);
}

} // namespace ddd::core::build
