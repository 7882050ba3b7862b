// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/connectionprovider.h"

#include "core/storage/migrations.h"

#include <stdexcept>

namespace ddd::core::storage {

ConnectionProvider::ConnectionProvider(QString path) : m_path(std::move(path)) {}
ConnectionProvider::ConnectionProvider(Postgres server) : m_conninfo(std::move(server.conninfo)) {}

Result<Database> ConnectionProvider::open() const
{
    return m_conninfo.isEmpty() ? Database::open(m_path) : Database::connect(m_conninfo);
}

Status ConnectionProvider::initialise()
{
    Result<Database> db = open();
    if (!db)
        return db.error();
    Status migrated = Migrations::migrate(*db);
    if (!migrated)
        return migrated;
    std::lock_guard lock(m_mutex);
    m_connections[std::this_thread::get_id()] = std::make_unique<Database>(std::move(db).value());
    return {};
}

Database &ConnectionProvider::current()
{
    Database *db = nullptr;
    {
        std::lock_guard lock(m_mutex);
        auto &slot = m_connections[std::this_thread::get_id()];
        if (!slot) {
            Result<Database> opened = open();
            // initialise() opened the same database moments ago; failing now
            // means the disk, the file or the server went away, which the
            // HTTP boundary answers with 500.
            if (!opened)
                throw std::runtime_error(opened.error().message.toStdString());
            slot = std::make_unique<Database>(std::move(opened).value());
        }
        db = slot.get();
    }
    // A server connection lost since (a restart, a network cut) failed the
    // request that found out; this one gets it back, in place, so every
    // reference to this Database stays good. Only this thread uses it, so
    // no other thread waits for the reconnection.
    db->reconnectIfLost();
    return *db;
}

void ConnectionProvider::releaseCurrent()
{
    std::lock_guard lock(m_mutex);
    m_connections.erase(std::this_thread::get_id());
}

} // namespace ddd::core::storage
