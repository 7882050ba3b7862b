// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/pgconnection.h"
#include "core/util/result.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

namespace ddd::core::storage {

// One agent writes to a PostgreSQL database (issue 12): the agent with the
// api role holds this session-level advisory lock for as long as it runs,
// and a second one pointed at the same database refuses to start
// (`storage.in_use`): uploads, builds, webhooks and start-up repair still
// assume a single writer. Agents with only the site role follow it without
// the lock (SiteFollower); maintenance commands (`ddd-agent user add`) do
// not take it either.
//
// The lock lives as long as its session: a thread watches the session's
// socket and, as soon as the server drops it (a restart closes it; a
// silent one is found by a probe every `checkEvery`), takes the lock again
// on a new one (trying every quarter of a second until the server is back),
// so a second agent has next to no gap to start in; if one did, the log
// says so at critical level.
class SoleAgentLock final
{
public:
    static Result<std::unique_ptr<SoleAgentLock>> take(const QByteArray &conninfo,
                                                       std::chrono::milliseconds checkEvery = std::chrono::seconds(5));
    ~SoleAgentLock();
    SoleAgentLock(const SoleAgentLock &) = delete;
    SoleAgentLock &operator=(const SoleAgentLock &) = delete;

    bool held() const { return m_held; }

private:
    SoleAgentLock(QByteArray conninfo, PgConnection session, std::chrono::milliseconds checkEvery);
    static Result<PgConnection> takeOnNewSession(const QByteArray &conninfo);
    void watch();
    void takeAgain();

    QByteArray m_conninfo;
    PgConnection m_session; // the watcher's alone once it runs
    std::chrono::milliseconds m_checkEvery;
    std::atomic<bool> m_held = true;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_watcher;
};

} // namespace ddd::core::storage
