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

// Owns one SQLite connection per thread for one database file. Stores hold a
// reference to the provider and ask for the calling thread's connection, so a
// worker pool never shares a connection between threads.
class ConnectionProvider final
{
public:
    explicit ConnectionProvider(QString path);
    ConnectionProvider(const ConnectionProvider &) = delete;
    ConnectionProvider &operator=(const ConnectionProvider &) = delete;

    // Opens the first connection and runs migrations.
    Status initialise();
    // The calling thread's connection, opened on first use.
    Database &current();
    // Closes the calling thread's connection (a worker thread about to exit).
    void releaseCurrent();
    QString path() const { return m_path; }

private:
    QString m_path;
    std::mutex m_mutex;
    std::map<std::thread::id, std::unique_ptr<Database>> m_connections;
};

} // namespace ddd::core::storage
