// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/issuerlock.h"

#include <QLoggingCategory>

namespace ddd::core::storage {

Q_LOGGING_CATEGORY(lcIssuerLock, "ddd.core.storage")

namespace {

// Any key, the same in every agent; distinct from the other advisory locks.
constexpr char kTakeLock[] = "SELECT pg_try_advisory_lock(4463766586)";

} // namespace

bool IssuerLock::hold()
{
    std::lock_guard lock(m_mutex);
    if (m_session && m_session->isConnected() && m_session->exec("SELECT 1"))
        return true;
    if (m_session)
        qCWarning(lcIssuerLock) << "lost the certificate issuer lock with its database session";
    m_session.reset();
    Result<PgConnection> session = PgConnection::open(m_conninfo);
    if (!session)
        return false;
    Result<PgRows> taken = session->exec(kTakeLock);
    if (!taken || taken->rows.value(0).value(0) != std::optional<QByteArray>("t"))
        return false;
    qCInfo(lcIssuerLock) << "this agent orders the certificates of every agent sharing the database";
    m_session = std::move(*session);
    return true;
}

} // namespace ddd::core::storage
