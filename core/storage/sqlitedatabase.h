// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/databaseengine.h"

struct sqlite3;

namespace ddd::core::storage {

// One connection to an SQLite file, closed on destruction.
class SqliteDatabase final : public DatabaseEngine
{
public:
    // WAL, synchronous=FULL, foreign keys on.
    static Result<std::unique_ptr<DatabaseEngine>> open(const QString &path);
    // Never creates the file, never writes, changes no journal mode.
    static Result<std::unique_ptr<DatabaseEngine>> openReadOnly(const QString &path);
    ~SqliteDatabase() override;
    SqliteDatabase(const SqliteDatabase &) = delete;
    SqliteDatabase &operator=(const SqliteDatabase &) = delete;

    SqlDialect dialect() const override { return SqlDialect::Sqlite; }
    Status exec(const QString &sql) override;
    Result<std::unique_ptr<StatementEngine>> prepare(const QString &sql) override;
    int changes() const override;
    QString lastErrorMessage() const override;
    Status beginWrite() override;

private:
    explicit SqliteDatabase(sqlite3 *db);
    static Result<std::unique_ptr<DatabaseEngine>> openWith(const QString &path, int flags);

    sqlite3 *m_db = nullptr;
};

} // namespace ddd::core::storage
