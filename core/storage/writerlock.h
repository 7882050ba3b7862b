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

// Which agents with the api role may write to one PostgreSQL database
// together (issue 12). An agent whose blobs are on its own disk holds this
// session-level advisory lock alone (Mode::Sole): a second writer would
// record versions whose content only it has. Agents sharing a bucket hold
// it together (Mode::Shared, PostgreSQL's shared advisory lock), so any
// number of them write side by side, and none of them can start next to a
// sole writer, nor it next to them (`storage.in_use`). Agents with only the
// site role follow without the lock (SiteFollower); maintenance commands
// (`ddd-agent user add`) do not take it either.
//
// The lock lives as long as its session: a thread watches the session's
// socket and, as soon as the server drops it (a restart closes it; a
// silent one is found by a probe every `checkEvery`), takes the lock again
// on a new one (trying every quarter of a second until the server is back),
// so a second agent has next to no gap to start in; if one did, the log
// says so at critical level.
class WriterLock final
{
public:
    enum class Mode { Sole, Shared };

    static Result<std::unique_ptr<WriterLock>> take(const QByteArray &conninfo, Mode mode,
                                                    std::chrono::milliseconds checkEvery = std::chrono::seconds(5));
    ~WriterLock();
    WriterLock(const WriterLock &) = delete;
    WriterLock &operator=(const WriterLock &) = delete;

    bool held() const { return m_held; }

private:
    WriterLock(QByteArray conninfo, Mode mode, PgConnection session, std::chrono::milliseconds checkEvery);
    static Result<PgConnection> takeOnNewSession(const QByteArray &conninfo, Mode mode);
    void watch();
    void takeAgain();

    QByteArray m_conninfo;
    Mode m_mode;
    PgConnection m_session; // the watcher's alone once it runs
    std::chrono::milliseconds m_checkEvery;
    std::atomic<bool> m_held = true;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_watcher;
};

} // namespace ddd::core::storage
