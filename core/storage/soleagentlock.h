// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/pgconnection.h"
#include "core/util/result.h"

namespace ddd::core::storage {

// One agent per PostgreSQL database until agents tell each other about
// live-pointer and settings changes (issue 12): an agent holds this
// session-level advisory lock for as long as it runs, and a second agent
// pointed at the same database refuses to start (`storage.in_use`) rather
// than serve sites another agent has since changed. Maintenance commands
// (`ddd-agent user add`) do not take it.
class SoleAgentLock final
{
public:
    static Result<SoleAgentLock> take(const QByteArray &conninfo);

private:
    explicit SoleAgentLock(PgConnection session);

    PgConnection m_session; // the lock lasts as long as this connection
};

} // namespace ddd::core::storage
