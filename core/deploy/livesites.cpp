// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/livesites.h"

#include <atomic>

namespace ddd::core::deploy {

LiveSites::LiveSites(QString baseDomain)
    : m_baseDomain(baseDomain.toLower()), m_snapshot(std::make_shared<const Snapshot>())
{
}

std::shared_ptr<const LiveSites::Snapshot> LiveSites::current() const
{
    return std::atomic_load(&m_snapshot);
}

std::shared_ptr<const ProjectSite> LiveSites::lookup(const QString &host) const
{
    return current()->byHost.value(host);
}

QString LiveSites::stagingHost(const QString &slug) const
{
    return slug + u'.' + m_baseDomain;
}

void LiveSites::addHosts(Snapshot &snapshot, const std::shared_ptr<const ProjectSite> &site) const
{
    snapshot.byProject.insert(site->projectId, site);
    snapshot.byHost.insert(stagingHost(site->slug), site);
    if (site->domain)
        snapshot.byHost.insert(*site->domain, site);
    for (const QString &alias : site->aliases)
        snapshot.byHost.insert(alias, site);
}

void LiveSites::removeProject(Snapshot &snapshot, qint64 projectId)
{
    snapshot.byProject.remove(projectId);
    snapshot.byHost.removeIf([&](const auto &entry) { return entry.value()->projectId == projectId; });
}

// The snapshot first, then the count: whoever reads the new count reads the
// new snapshot after it.
void LiveSites::swapIn(std::shared_ptr<const Snapshot> next)
{
    std::atomic_store(&m_snapshot, std::move(next));
    m_generation.fetch_add(1, std::memory_order_release);
}

void LiveSites::publish(std::shared_ptr<const ProjectSite> site)
{
    std::lock_guard lock(m_writers);
    auto next = std::make_shared<Snapshot>(*current());
    removeProject(*next, site->projectId);
    addHosts(*next, site);
    swapIn(std::move(next));
}

void LiveSites::withdraw(qint64 projectId)
{
    std::lock_guard lock(m_writers);
    auto next = std::make_shared<Snapshot>(*current());
    removeProject(*next, projectId);
    swapIn(std::move(next));
}

void LiveSites::reset(const QList<std::shared_ptr<const ProjectSite>> &sites)
{
    std::lock_guard lock(m_writers);
    auto next = std::make_shared<Snapshot>();
    for (const auto &site : sites)
        addHosts(*next, site);
    swapIn(std::move(next));
}

} // namespace ddd::core::deploy
