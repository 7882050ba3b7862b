// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/pgconnection.h"

#include <QByteArray>

#include <mutex>
#include <optional>

namespace ddd::core::storage {

// One agent among those sharing a PostgreSQL database orders certificates
// (two would each place an order per domain, and each order counts against
// the authority's rate limits). The lock is a session-level advisory lock
// on a connection of its own: it is held for as long as that session
// lives, and it goes with the session when the agent or its connection
// dies, so another agent takes it at its next try.
class IssuerLock final
{
public:
    explicit IssuerLock(QByteArray conninfo) : m_conninfo(std::move(conninfo)) {}

    // Whether this agent holds the lock now: it checks the session it holds
    // the lock on, or tries to take the lock on a new one.
    bool hold();

private:
    QByteArray m_conninfo;
    std::mutex m_mutex;
    std::optional<PgConnection> m_session; // set only while the lock is held on it
};

} // namespace ddd::core::storage
