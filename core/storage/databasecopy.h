// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QList>
#include <QString>

namespace ddd::core::storage {

class Database;

// `ddd-agent migrate`: every row of an agent's SQLite database into an
// empty PostgreSQL one with the same schema version, in one transaction
// (an interrupted copy leaves the target empty, so running it again is
// the resumption), then compared table by table.
class DatabaseCopy final
{
public:
    struct Table
    {
        QString name;
        qint64 rows = 0;
    };

    // Both databases migrated to the latest schema; `to` must hold no rows.
    // Identity sequences continue after the highest id SQLite ever handed
    // out (sqlite_sequence), so no id comes back.
    static Result<QList<Table>> copy(Database &from, Database &to);
    // Row counts and a SHA-256 of every table's rows in primary-key order:
    // `migrate.mismatch` naming the first table that differs.
    static Status verify(Database &from, Database &to);

    // In an order that satisfies the foreign keys (projects.live_version_id
    // aside, which copy() fills in after the versions).
    static const QStringList &tables();
};

} // namespace ddd::core::storage
