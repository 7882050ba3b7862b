// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/activation.h"

#include "core/blobs/blobstore.h"
#include "core/deploy/livesites.h"
#include "core/deploy/versionindexes.h"
#include "core/rules/siterules.h"
#include "core/storage/livepointerstore.h"
#include "core/storage/projectstore.h"
#include "core/storage/versionstore.h"
#include "core/util/clock.h"
#include "core/util/crashpoint.h"

#include <QLoggingCategory>

namespace ddd::core::deploy {

namespace {

Q_LOGGING_CATEGORY(lcActivation, "ddd.core.deploy")

} // namespace

Activation::Activation(storage::LivePointerStore &pointers, storage::VersionStore &versions,
                       storage::ProjectStore &projects, LiveSites &liveSites, const Clock &clock,
                       const blobs::BlobStore &blobs, VersionIndexes &indexes)
    : m_pointers(pointers), m_versions(versions), m_projects(projects), m_liveSites(liveSites), m_clock(clock),
      m_blobs(blobs), m_indexes(indexes)
{
}

Status Activation::activate(qint64 projectId, qint64 versionId)
{
    std::lock_guard lock(m_switching);
    // Built before the switch: once the pointer has moved nothing may fail.
    Result<std::shared_ptr<const ProjectSite>> site = buildSite(projectId, versionId, BadRules::Refuse);
    if (!site)
        return site.error();
    if (Status switched = m_pointers.activate(projectId, versionId, m_clock.nowMs()); !switched)
        return switched;
    CrashPoint::hit("activation.committed");
    qCInfo(lcActivation) << "project" << projectId << "now serves version" << (*site)->versionNumber;
    m_liveSites.publish(std::move(*site));
    return {};
}

Status Activation::republish(qint64 projectId)
{
    std::lock_guard lock(m_switching);
    Result<std::optional<qint64>> live = m_pointers.liveVersionId(projectId);
    if (!live)
        return live.error();
    if (!live->has_value()) {
        m_liveSites.withdraw(projectId);
        return {};
    }
    Result<std::shared_ptr<const ProjectSite>> site = buildSite(projectId, **live, BadRules::ServeWithout);
    if (!site)
        return site.error();
    m_liveSites.publish(std::move(*site));
    return {};
}

Status Activation::rebuildAll()
{
    std::lock_guard lock(m_switching);
    Result<QHash<qint64, qint64>> live = m_pointers.allLive();
    if (!live)
        return live.error();
    QList<std::shared_ptr<const ProjectSite>> sites;
    for (auto it = live->cbegin(); it != live->cend(); ++it) {
        Result<std::shared_ptr<const ProjectSite>> site = buildSite(it.key(), it.value(), BadRules::ServeWithout);
        if (!site)
            return site.error();
        sites.append(std::move(*site));
    }
    m_liveSites.reset(sites);
    return {};
}

Status Activation::takeOffline(qint64 projectId, qint64 versionId, const Error &reason)
{
    std::lock_guard lock(m_switching);
    if (Status failed = m_pointers.takeOffline(versionId, reason); !failed)
        return failed;
    Result<std::optional<qint64>> live = m_pointers.liveVersionId(projectId);
    if (!live)
        return live.error();
    if (!live->has_value())
        m_liveSites.withdraw(projectId);
    return {};
}

void Activation::withdraw(qint64 projectId)
{
    std::lock_guard lock(m_switching);
    m_liveSites.withdraw(projectId);
}

Result<std::shared_ptr<const ProjectSite>> Activation::buildSite(qint64 projectId, qint64 versionId)
{
    return buildSite(projectId, versionId, BadRules::ServeWithout);
}

Result<std::shared_ptr<const ProjectSite>> Activation::buildSite(qint64 projectId, qint64 versionId,
                                                                BadRules badRules)
{
    Result<std::optional<model::Project>> project = m_projects.findById(projectId);
    if (!project)
        return project.error();
    if (!project->has_value())
        return Error::make(u"project.not_found"_qs, u"Project not found"_qs);
    Result<std::optional<model::Version>> version = m_versions.find(versionId);
    if (!version)
        return version.error();
    if (!version->has_value() || (*version)->projectId != projectId)
        return Error::make(u"deploy.not_found"_qs, u"Version not found"_qs);
    // Constant time: the index was written when the version was recorded.
    Result<std::shared_ptr<const VersionIndex>> index = m_indexes.openOrRebuild(versionId);
    if (!index)
        return index.error();
    auto site = std::make_shared<ProjectSite>();
    site->projectId = projectId;
    site->versionId = versionId;
    site->versionNumber = int((*version)->number);
    site->slug = (*project)->slug;
    site->domain = (*project)->domain;
    site->aliases = (*project)->aliases;
    site->spaMode = (*project)->settings.spaMode;
    site->protection = (*project)->settings.sitePassword;
    site->https = (*project)->settings.https;
    site->index = std::move(*index);
    if (Status rules = loadRules(*site, badRules); !rules)
        return rules.error();
    return std::shared_ptr<const ProjectSite>(std::move(site));
}

// Parsed here, once per activation, so the rules go live and roll back with
// their version and the site listener never parses. A version recorded
// before rules were checked at deploy time may hold a broken file: making it
// live on purpose is refused with the file's code, while start-up and
// republishing serve it without rules rather than take the site offline.
Status Activation::loadRules(ProjectSite &site, BadRules badRules) const
{
    Status unreadable; // a rules file this store lacks and cannot fetch now
    const auto locate = [&](const QString &name) -> std::optional<rules::SiteRules::FileRef> {
        const std::optional<SiteFile> found = site.index->find(QStringView(name));
        if (!found)
            return std::nullopt;
        if (Status held = m_blobs.ensureHeld(found->sha256); !held && unreadable)
            unreadable = held;
        return rules::SiteRules::FileRef{m_blobs.pathFor(found->sha256), found->size};
    };
    Result<std::shared_ptr<const rules::SiteRules>> rules = rules::SiteRules::load(locate);
    if (!unreadable)
        rules = unreadable.error();
    if (rules) {
        site.rules = std::move(*rules);
        return {};
    }
    if (badRules == BadRules::Refuse)
        return rules.error();
    qCWarning(lcActivation) << "project" << site.projectId << "version" << site.versionNumber
                            << "is served without its rules files:" << rules.error().message;
    return {};
}

} // namespace ddd::core::deploy
