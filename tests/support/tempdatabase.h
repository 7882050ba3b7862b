// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/connectionprovider.h"
#include "tests/support/tempdataroot.h"

#include <memory>

namespace ddd::test {

// A migrated agent.db in a fresh temporary data root (or, in a test's
// `_postgres` variant, a PostgreSQL database: TestDatabases).
class TempDatabase final
{
public:
    TempDatabase();
    core::storage::ConnectionProvider &provider() { return *m_provider; }
    core::storage::Database &db() { return m_provider->current(); }
    QString dataDir() const { return m_root.path(); }

private:
    TempDataRoot m_root;
    std::unique_ptr<core::storage::ConnectionProvider> m_provider;
};

} // namespace ddd::test
