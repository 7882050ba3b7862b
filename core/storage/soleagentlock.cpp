// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/soleagentlock.h"

#include <QLoggingCategory>

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
                           u"another agent uses this PostgreSQL database; agents cannot share one yet"_qs);
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

void SoleAgentLock::watch()
{
    std::unique_lock lock(m_mutex);
    while (!m_wake.wait_for(lock, m_checkEvery, [this] { return m_stopping; })) {
        lock.unlock();
        if (!m_session.exec("SELECT 1"))
            takeAgain();
        lock.lock();
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
        return; // said already; tried again every checkEvery
    } else if (session.error().code == u"storage.in_use"_qs) {
        qCCritical(lcSoleAgent) << "another agent took this PostgreSQL database while its connection was down;"
                                << "stop one of them: agents cannot share a database yet";
    } else {
        qCWarning(lcSoleAgent).noquote() << "sole-agent lock lost, database unreachable:" << session.error().message;
    }
}

} // namespace ddd::core::storage
