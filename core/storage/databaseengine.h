// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/sqldialect.h"
#include "core/util/result.h"

#include <QString>

#include <memory>

namespace ddd::core::storage {

class StatementEngine;

// One connection of one backend (SqliteDatabase, PgDatabase). Database is
// the stores' face of it.
class DatabaseEngine
{
public:
    virtual ~DatabaseEngine() = default;

    virtual SqlDialect dialect() const = 0;
    // One or more statements without parameters or results (DDL, BEGIN).
    virtual Status exec(const QString &sql) = 0;
    virtual Result<std::unique_ptr<StatementEngine>> prepare(const QString &sql) = 0;
    // Rows the last INSERT, UPDATE or DELETE changed.
    virtual int changes() const = 0;
    virtual QString lastErrorMessage() const = 0;
    // Starts a transaction that may write, waiting for (rather than failing
    // on) any other writer: one writer at a time, as SQLite has it.
    virtual Status beginWrite() = 0;
    virtual Status commit() { return exec(QStringLiteral("COMMIT")); }
    virtual Status rollback() { return exec(QStringLiteral("ROLLBACK")); }
    // A server connection lost since the last use is opened again, unless a
    // transaction was open on it: that one must fail as a whole, so its
    // remaining statements fail too until it ends. (A file is never lost.)
    virtual void reconnectIfLost() {}
};

} // namespace ddd::core::storage
