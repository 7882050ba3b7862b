// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QHash>

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <thread>

namespace ddd::core {
class Clock;
}

namespace ddd::core::storage {
class LivePointerStore;
class SiteChangeFeed;
} // namespace ddd::core::storage

namespace ddd::core::deploy {

// An agent with only the site role serves what another agent records
// (issue 12): every change of a project's row or aliases moves its
// site_revision, and PostgreSQL announces it (SiteChangeFeed). On each
// announcement, on every reconnection and at least every `reconcileEvery`
// (the safety net for an announcement lost with a connection), catchUp()
// compares each project's revision with the one its site was last built
// from and builds again only the sites that moved: constant time each
// (`refresh`, DeploymentService::refreshSite), withdrawn when the project
// is gone or has no live version. Requests in flight finish on the
// snapshot they started with, as with a local activation.
class SiteFollower final
{
public:
    struct Options
    {
        std::chrono::milliseconds reconcileEvery{std::chrono::seconds(30)};
        std::chrono::milliseconds retryEvery{std::chrono::seconds(1)}; // after a failed connect or catch-up
    };
    using Refresh = std::function<Status(qint64 projectId)>;

    SiteFollower(storage::SiteChangeFeed &feed, storage::LivePointerStore &pointers, Refresh refresh,
                 const Clock &clock, std::function<void()> threadExit, Options options);
    ~SiteFollower();
    SiteFollower(const SiteFollower &) = delete;
    SiteFollower &operator=(const SiteFollower &) = delete;

    // One round on the caller's thread: start-up builds every live site so.
    // Not while the thread runs.
    Status catchUp();
    // The caller has just built every site from the database as it stood at
    // these revisions (the writer's start-up repair): catchUp() then builds
    // only the sites that moved since. Before start().
    void assumeBuilt(QHash<qint64, qint64> revisions) { m_built = std::move(revisions); }
    void start();
    void stop();
    // Since when they may not: the first announcement, lost connection or
    // failed round not yet caught up with. Nothing while they match.
    std::optional<qint64> behindSinceMs() const;

private:
    void run(std::stop_token stop);
    void markBehind();

    storage::SiteChangeFeed &m_feed;
    storage::LivePointerStore &m_pointers;
    Refresh m_refresh;
    const Clock &m_clock;
    std::function<void()> m_threadExit;
    Options m_options;
    QHash<qint64, qint64> m_built; // project id -> site_revision its site was built from
    std::atomic<qint64> m_behindSinceMs{0}; // 0: not behind
    std::jthread m_thread;
};

} // namespace ddd::core::deploy
