// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QString>

struct sqlite3;

namespace ddd::core::storage {

class Statement;

// One SQLite connection (RAII). Opened with WAL, foreign keys on, a busy
// timeout and synchronous=FULL, so a commit acknowledged to a client survives
// power loss. A connection belongs to one thread at a time; ConnectionProvider
// hands each thread its own.
class Database final
{
public:
    static Result<Database> open(const QString &path);
    // For inspection (`ddd-agent check`): never creates the file, never
    // writes, changes no journal mode, so it is safe beside a running agent.
    static Result<Database> openReadOnly(const QString &path);

    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    // Runs one or more statements without results (DDL, pragmas).
    Status exec(const QString &sql);
    Result<Statement> prepare(const QString &sql);

    qint64 lastInsertId() const;
    int changes() const;
    QString lastErrorMessage() const;
    QString path() const { return m_path; }
    sqlite3 *handle() const { return m_db; }

private:
    Database(sqlite3 *db, QString path);

    sqlite3 *m_db = nullptr;
    QString m_path;
};

} // namespace ddd::core::storage
