// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/databaseengine.h"
#include "core/storage/pgconnection.h"
#include "core/storage/pgstatement.h"

#include <vector>

namespace ddd::core::storage {

// One connection to PostgreSQL behind Database. Writing transactions take
// one cluster-wide advisory lock, so writers queue one at a time as they do
// on SQLite, and every store's read-then-write logic keeps the guarantees
// it was written for, whichever agent runs it.
class PgDatabase final : public DatabaseEngine
{
public:
    static Result<std::unique_ptr<DatabaseEngine>> connect(const QByteArray &conninfo);

    SqlDialect dialect() const override { return SqlDialect::Postgres; }
    Status exec(const QString &sql) override;
    Result<std::unique_ptr<StatementEngine>> prepare(const QString &sql) override;
    int changes() const override { return m_changes; }
    QString lastErrorMessage() const override;
    Status beginWrite() override;
    Status commit() override;
    Status rollback() override;
    void reconnectIfLost() override;

    // For PgStatement: runs `sql` with its parameters; the caller owns the
    // result (PQclear).
    Result<pg_result *> run(const QByteArray &sql, const std::vector<PgStatement::Parameter> &parameters);

private:
    explicit PgDatabase(PgConnection connection);
    Result<pg_result *> checked(pg_result *result);

    PgConnection m_connection;
    int m_changes = 0;
    bool m_inTransaction = false;
};

} // namespace ddd::core::storage
