// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/sqldialect.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace ddd::core::storage {

class DatabaseEngine;
class Statement;

// One connection (RAII) to the agent's metadata: an SQLite file (WAL,
// foreign keys on, a busy timeout and synchronous=FULL, so a commit
// acknowledged to a client survives power loss) or a PostgreSQL server.
// Stores write SQL both accept: `?N` parameters, `RETURNING`, `ON CONFLICT`.
// A connection belongs to one thread at a time; ConnectionProvider hands
// each thread its own.
class Database final
{
public:
    static Result<Database> open(const QString &path);
    // For inspection (`ddd-agent check`): never creates the file, never
    // writes, changes no journal mode, so it is safe beside a running agent.
    static Result<Database> openReadOnly(const QString &path);
    // A libpq connection string or postgresql:// URL.
    static Result<Database> connect(const QByteArray &conninfo);

    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    SqlDialect dialect() const;
    // Runs one or more statements without parameters or results (DDL).
    Status exec(const QString &sql);
    Result<Statement> prepare(const QString &sql);
    // BEGIN for a transaction that may write (Transaction).
    Status beginWrite();

    int changes() const;
    QString lastErrorMessage() const;
    Status commit();
    Status rollback();
    // For ConnectionProvider: a lost PostgreSQL connection is opened again
    // (not in the middle of a transaction, which must fail whole).
    void reconnectIfLost();
    // The SQLite file; empty for PostgreSQL.
    QString path() const { return m_path; }

private:
    Database(std::unique_ptr<DatabaseEngine> engine, QString path);

    std::unique_ptr<DatabaseEngine> m_engine;
    QString m_path;
};

} // namespace ddd::core::storage
