// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/deploy/projectsite.h"

#include <QHash>
#include <QString>

#include <atomic>

#include <memory>
#include <mutex>

namespace ddd::core::deploy {

// Host name -> live ProjectSite, as one immutable snapshot behind an
// atomically swapped pointer. Readers (the site listener's hot path) take the
// current snapshot without locks or database work; activation publishes a new
// snapshot after its transaction commits, so switching versions costs the
// same whatever the site's size.
class LiveSites final
{
public:
    struct Snapshot
    {
        QHash<QString, std::shared_ptr<const ProjectSite>> byHost;      // lower-case host
        QHash<qint64, std::shared_ptr<const ProjectSite>> byProject;
    };

    explicit LiveSites(QString baseDomain);

    std::shared_ptr<const Snapshot> current() const;
    // The site for a lower-case host without port: its domain or <slug>.<base domain>.
    std::shared_ptr<const ProjectSite> lookup(const QString &host) const;
    // Counts the snapshots published: read before a lookup, it tells whether
    // anything derived from that lookup (the site listener's prepared
    // answers) may still stand.
    quint64 generation() const { return m_generation.load(std::memory_order_acquire); }

    // Publishes `site` as the project's live version (replacing any earlier one).
    void publish(std::shared_ptr<const ProjectSite> site);
    // Takes a project offline (deleted, or no live version left).
    void withdraw(qint64 projectId);
    // Replaces everything at once (start-up).
    void reset(const QList<std::shared_ptr<const ProjectSite>> &sites);

    QString stagingHost(const QString &slug) const;
    const QString &baseDomain() const { return m_baseDomain; }

private:
    void addHosts(Snapshot &snapshot, const std::shared_ptr<const ProjectSite> &site) const;
    static void removeProject(Snapshot &snapshot, qint64 projectId);
    void swapIn(std::shared_ptr<const Snapshot> next);

    QString m_baseDomain;
    std::mutex m_writers; // serialises publishers; readers never take it
    std::shared_ptr<const Snapshot> m_snapshot;
    std::atomic<quint64> m_generation{0}; // moved on after each snapshot is in place
};

} // namespace ddd::core::deploy
