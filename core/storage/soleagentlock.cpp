// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/soleagentlock.h"

namespace ddd::core::storage {

namespace {

// Any key, the same in every agent; distinct from the writers' lock.
constexpr char kTakeLock[] = "SELECT pg_try_advisory_lock(4463766585)";

} // namespace

SoleAgentLock::SoleAgentLock(PgConnection session) : m_session(std::move(session)) {}

Result<SoleAgentLock> SoleAgentLock::take(const QByteArray &conninfo)
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
    return SoleAgentLock(std::move(*session));
}

} // namespace ddd::core::storage
