// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/database.h"

#include <QString>

#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace ddd::core::storage {

// Owns one connection per thread to one database: an SQLite file or a
// PostgreSQL server. Stores hold a reference to the provider and ask for the
// calling thread's connection, so a worker pool never shares a connection
// between threads.
class ConnectionProvider final
{
public:
    // A libpq connection string or postgresql:// URL.
    struct Postgres
    {
        QByteArray conninfo;
    };

    explicit ConnectionProvider(QString path);
    explicit ConnectionProvider(Postgres server);
    ConnectionProvider(const ConnectionProvider &) = delete;
    ConnectionProvider &operator=(const ConnectionProvider &) = delete;

    // Opens the first connection and runs migrations.
    Status initialise();
    // The calling thread's connection, opened on first use and again after
    // a PostgreSQL connection was lost.
    Database &current();
    // Closes the calling thread's connection (a worker thread about to exit).
    void releaseCurrent();
    // The SQLite file; empty for PostgreSQL.
    QString path() const { return m_path; }

private:
    Result<Database> open() const;

    QString m_path;
    QByteArray m_conninfo;
    std::mutex m_mutex;
    std::map<std::thread::id, std::unique_ptr<Database>> m_connections;
};

} // namespace ddd::core::storage
