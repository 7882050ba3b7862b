// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/deploy/projectsite.h"
#include "core/util/result.h"

#include <memory>
#include <mutex>

namespace ddd::core {
class Clock;
}

namespace ddd::core::blobs {
class BlobStore;
}

namespace ddd::core::storage {
class LivePointerStore;
class ProjectStore;
class VersionStore;
} // namespace ddd::core::storage

namespace ddd::core::deploy {

class LiveSites;
class VersionIndexes;

// Moves a project's live pointer and then what the site listener serves
// (security guide 8.7): the ProjectSite is built first (the project row,
// the version's index file mapped, its rules files parsed: no work that
// grows with the number of files), one transaction switches the pointer, and only after its commit is the
// in-memory snapshot swapped. Every switch and publish is serialised, so
// LiveSites always ends up showing what the database says, whatever the
// order concurrent activations commit in.
class Activation final
{
public:
    Activation(storage::LivePointerStore &pointers, storage::VersionStore &versions, storage::ProjectStore &projects,
               LiveSites &liveSites, const Clock &clock, const blobs::BlobStore &blobs,
               VersionIndexes &indexes);

    // `deploy.not_found`, `deploy.not_activatable`, `project.not_found`,
    // and the `rules.*` code of a version recorded before its rules files
    // were checked.
    Status activate(qint64 projectId, qint64 versionId);
    // Serves the project's live version again as the database has it, or
    // nothing: after its domain or settings changed.
    Status republish(qint64 projectId);
    // Replaces every live site from the database (start-up).
    Status rebuildAll();
    // Marks a version failed; when it was live, the project goes offline.
    Status takeOffline(qint64 projectId, qint64 versionId, const Error &reason);
    void withdraw(qint64 projectId);
    // The servable form of one version (also for preview hosts); a broken
    // rules file of a version recorded before they were checked is left out.
    Result<std::shared_ptr<const ProjectSite>> buildSite(qint64 projectId, qint64 versionId);

private:
    enum class BadRules { Refuse, ServeWithout };
    Result<std::shared_ptr<const ProjectSite>> buildSite(qint64 projectId, qint64 versionId, BadRules badRules);
    Status loadRules(ProjectSite &site, BadRules badRules) const;

private:
    storage::LivePointerStore &m_pointers;
    storage::VersionStore &m_versions;
    storage::ProjectStore &m_projects;
    LiveSites &m_liveSites;
    const Clock &m_clock;
    const blobs::BlobStore &m_blobs;
    VersionIndexes &m_indexes;
    std::mutex m_switching;
};

} // namespace ddd::core::deploy
