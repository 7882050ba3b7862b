// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/deploy/projectsite.h"
#include "core/model/project.h"
#include "core/util/result.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace ddd::core::storage {
class ProjectStore;
class VersionStore;
} // namespace ddd::core::storage

namespace ddd::core::deploy {

// Preview hosts: every retained version of a project answers on
// `<number>--<slug>.<base domain>`, so a version uploaded without going live
// can be looked at first. Unlike live sites, previews are found in the
// database on each request (two indexed lookups: a version deleted a moment
// ago is gone at once), while the built ProjectSite of the few most recently
// previewed versions is kept, rebuilt when the project row (password, domain,
// aliases, settings) changed since. So
// lookups may block: never call them on a thread that must not.
class PreviewSites final
{
public:
    // Builds the servable site of one version, as activation would.
    using SiteBuilder = std::function<Result<std::shared_ptr<const ProjectSite>>(qint64 projectId, qint64 versionId)>;

    static constexpr int kCachedVersions = 8;

    PreviewSites(storage::ProjectStore &projects, storage::VersionStore &versions, SiteBuilder build,
                 QString baseDomain);

    // Whether `host` has the shape of a preview host (no database work).
    bool isPreviewHost(const QString &host) const;
    // The version's site, or nullptr for hosts that name no previewable version
    // (unknown project or number, uploading, processing or failed).
    std::shared_ptr<const ProjectSite> lookup(const QString &host);

    QString previewHost(qint64 versionNumber, const QString &slug) const;
    // Drops the built sites of a project's versions (their precompressed
    // variants arrived): the next request builds them again.
    void forget(qint64 projectId);

private:
    struct Cached
    {
        qint64 versionId = 0;
        model::Project project; // as it was when the site was built
        std::shared_ptr<const ProjectSite> site;
    };
    struct Name
    {
        qint64 number = 0;
        QString slug;
    };

    std::optional<Name> parse(const QString &host) const;
    std::shared_ptr<const ProjectSite> cached(qint64 versionId, const model::Project &project);
    void remember(Cached entry);

    storage::ProjectStore &m_projects;
    storage::VersionStore &m_versions;
    SiteBuilder m_build;
    QString m_suffix; // ".<base domain>"
    std::mutex m_mutex;
    QList<Cached> m_cache; // most recently used first
};

} // namespace ddd::core::deploy
