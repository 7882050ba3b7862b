// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/connectionprovider.h"

#include <memory>

namespace ddd::test {

// Where a test's metadata lives. Normally the SQLite file it names; when
// the test runs as its `_postgres` variant (environment
// DDD_TEST_DATABASE=postgres, set by ddd_add_postgres_variant), a database
// of its own on a throw-away PostgreSQL cluster started once per test
// process (tests/support/postgres-fixture.sh). The same file name always
// maps to the same database, so a test that reopens its store sees what it
// wrote.
class TestDatabases final
{
public:
    static bool usePostgres();
    // An uninitialised provider (initialise() migrates it).
    static std::unique_ptr<core::storage::ConnectionProvider> provider(const QString &sqliteFile);
    // The same database as a postgresql:// URL, for the agent's database.url.
    static QString postgresUrl(const QString &sqliteFile);
};

} // namespace ddd::test
