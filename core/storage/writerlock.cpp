// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/writerlock.h"

#include <QLoggingCategory>

#include <algorithm>

namespace ddd::core::storage {

Q_LOGGING_CATEGORY(lcWriterLock, "ddd.core.storage")

namespace {

// Any key, the same in every agent; distinct from the transactions' lock.
constexpr char kTakeSole[] = "SELECT pg_try_advisory_lock(4463766585)";
constexpr char kTakeShared[] = "SELECT pg_try_advisory_lock_shared(4463766585)";

} // namespace

Result<std::unique_ptr<WriterLock>> WriterLock::take(const QByteArray &conninfo, Mode mode,
                                                     std::chrono::milliseconds checkEvery)
{
    Result<PgConnection> session = takeOnNewSession(conninfo, mode);
    if (!session)
        return session.error();
    return std::unique_ptr<WriterLock>(new WriterLock(conninfo, mode, std::move(*session), checkEvery));
}

Result<PgConnection> WriterLock::takeOnNewSession(const QByteArray &conninfo, Mode mode)
{
    Result<PgConnection> session = PgConnection::open(conninfo);
    if (!session)
        return session.error();
    Result<PgRows> taken = session->exec(mode == Mode::Sole ? kTakeSole : kTakeShared);
    if (!taken)
        return taken.error();
    if (taken->rows.value(0).value(0) != std::optional<QByteArray>("t"))
        return Error::make(u"storage.in_use"_qs,
                           mode == Mode::Sole
                               ? u"another agent that writes (the api or build role) uses this PostgreSQL database; "
                                 "without a shared bucket (blobs.s3.*) one writes at a time (agents with only the "
                                 "site role may join)"_qs
                               : u"an agent that writes (the api or build role) and has no shared bucket uses this "
                                 "PostgreSQL database: writers share one only when every one of them has "
                                 "blobs.s3.*"_qs);
    return session;
}

WriterLock::WriterLock(QByteArray conninfo, Mode mode, PgConnection session, std::chrono::milliseconds checkEvery)
    : m_conninfo(std::move(conninfo)), m_mode(mode), m_session(std::move(session)), m_checkEvery(checkEvery)
{
    m_watcher = std::thread([this] { watch(); });
}

WriterLock::~WriterLock()
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
void WriterLock::watch()
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

void WriterLock::takeAgain()
{
    Result<PgConnection> session = takeOnNewSession(m_conninfo, m_mode);
    const bool wasHeld = m_held.exchange(session.ok());
    if (session) {
        m_session = std::move(*session);
        qCWarning(lcWriterLock) << "the database dropped the writer lock's session; taken again";
    } else if (!wasHeld) {
        return; // said already; tried again shortly
    } else if (session.error().code == u"storage.in_use"_qs) {
        qCCritical(lcWriterLock) << "another agent with the api role took this PostgreSQL database while this"
                                 << "one's connection was down, and the two may not write side by side (one has no"
                                 << "shared bucket); stop one of them";
    } else {
        qCWarning(lcWriterLock).noquote() << "writer lock lost, database unreachable:" << session.error().message;
    }
}

} // namespace ddd::core::storage
