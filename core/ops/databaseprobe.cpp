// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/ops/databaseprobe.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/statement.h"

namespace ddd::core::ops {

bool DatabaseProbe::answers() const
{
    auto stmt = m_database.current().prepare(u"SELECT value FROM meta WHERE key = 'schema_version'"_qs);
    if (!stmt)
        return false;
    auto row = stmt->step();
    return row.ok() && *row;
}

} // namespace ddd::core::ops
