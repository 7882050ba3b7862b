// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

namespace ddd::core::storage {

class Database;

// Numbered schema steps, each applied in its own transaction and recorded in
// meta(schema_version). A database newer than this build refuses to open.
// PostgreSQL starts from a baseline (PostgresSchema).
class Migrations final
{
public:
    static int latestVersion();
    static Result<int> currentVersion(Database &db);
    static Status migrate(Database &db);
    // For an agent that must not migrate (one following another): reads
    // meta without creating it. `storage.schema_behind` below the latest
    // version (the agent that writes migrates it), `storage.schema_too_new`
    // above.
    static Status requireCurrent(Database &db);
    // Up to `version` only: for tests that build a database of an older schema.
    static Status migrateTo(Database &db, int version);

private:
    static Status apply(Database &db, int version, bool checkForeignKeys);
    static Status migratePostgres(Database &db);
};

} // namespace ddd::core::storage
