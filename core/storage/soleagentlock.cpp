// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/soleagentlock.h"

#include <QLoggingCategory>

#include <algorithm>

namespace ddd::core::storage {

Q_LOGGING_CATEGORY(lcSoleAgent, "ddd.core.storage")

namespace {

// Any key, the same in every agent; distinct from the writers' lock.
constexpr char kTakeLock[] = "SELECT pg_try_advisory_lock(4463766585)";

} // namespace

Result<std::unique_ptr<SoleAgentLock>> SoleAgentLock::take(const QByteArray &conninfo,
                                                           std::chrono::milliseconds checkEvery)
{
    Result<PgConnection> session = takeOnNewSession(conninfo);
    if (!session)
        return session.error();
    return std::unique_ptr<SoleAgentLock>(new SoleAgentLock(conninfo, std::move(*session), checkEvery));
}

Result<PgConnection> SoleAgentLock::takeOnNewSession(const QByteArray &conninfo)
{
    Result<PgConnection> session = PgConnection::open(conninfo);
    if (!session)
        return session.error();
    Result<PgRows> taken = session->exec(kTakeLock);
    if (!taken)
        return taken.error();
    if (taken->rows.value(0).value(0) != std::optional<QByteArray>("t"))
        return Error::make(u"storage.in_use"_qs,
                           u"another agent with the api role uses this PostgreSQL database; one writes at a time "
                           "(agents with only the site role may join it)"_qs);
    return session;
}

SoleAgentLock::SoleAgentLock(QByteArray conninfo, PgConnection session, std::chrono::milliseconds checkEvery)
    : m_conninfo(std::move(conninfo)), m_session(std::move(session)), m_checkEvery(checkEvery)
{
    m_watcher = std::thread([this] { watch(); });
}

SoleAgentLock::~SoleAgentLock()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_watcher.join();
}

// A session the server drops (a restart) closes its socket, which the wait
// notices at once, so another writer has no window of `checkEvery` to
// start in; a session gone silent is found by the probe every `checkEvery`.
// A lock not taken back is tried again every quarter of a second.
void SoleAgentLock::watch()
{
    using Clock = std::chrono::steady_clock;
    constexpr std::chrono::milliseconds Slice{250}; // how soon stopping is heard
    Clock::time_point nextProbe = Clock::now() + m_checkEvery;
    const std::chrono::milliseconds slice = std::min(Slice, m_checkEvery);
    for (;;) {
        if (m_held) {
            (void)m_session.waitForNotification(slice); // wakes on the socket closing
        } else {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, slice, [this] { return m_stopping; });
        }
        if (std::lock_guard lock(m_mutex); m_stopping)
            return;
        const bool due = Clock::now() >= nextProbe;
        if (due)
            nextProbe = Clock::now() + m_checkEvery;
        // Not held: every slice, so the gap after a restart is the server's
        // own start-up (a refused connection costs next to nothing).
        const bool lost = !m_held || !m_session.isConnected() || (due && !m_session.exec("SELECT 1"));
        if (lost)
            takeAgain();
    }
}

void SoleAgentLock::takeAgain()
{
    Result<PgConnection> session = takeOnNewSession(m_conninfo);
    const bool wasHeld = m_held.exchange(session.ok());
    if (session) {
        m_session = std::move(*session);
        qCWarning(lcSoleAgent) << "the database dropped the sole-agent lock's session; taken again";
    } else if (!wasHeld) {
        return; // said already; tried again shortly
    } else if (session.error().code == u"storage.in_use"_qs) {
        qCCritical(lcSoleAgent) << "another agent with the api role took this PostgreSQL database while its"
                                << "connection was down; stop one of them: one agent writes at a time";
    } else {
        qCWarning(lcSoleAgent).noquote() << "sole-agent lock lost, database unreachable:" << session.error().message;
    }
}

} // namespace ddd::core::storage
