// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/connectionprovider.h"

#include "core/storage/migrations.h"

#include <stdexcept>

namespace ddd::core::storage {

ConnectionProvider::ConnectionProvider(QString path) : m_path(std::move(path)) {}

Status ConnectionProvider::initialise()
{
    Result<Database> db = Database::open(m_path);
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
    std::lock_guard lock(m_mutex);
    auto &slot = m_connections[std::this_thread::get_id()];
    if (!slot) {
        Result<Database> db = Database::open(m_path);
        // initialise() opened the same file moments ago; failing now means the
        // disk or the file vanished, which the HTTP boundary answers with 500.
        if (!db)
            throw std::runtime_error(db.error().message.toStdString());
        slot = std::make_unique<Database>(std::move(db).value());
    }
    return *slot;
}

void ConnectionProvider::releaseCurrent()
{
    std::lock_guard lock(m_mutex);
    m_connections.erase(std::this_thread::get_id());
}

} // namespace ddd::core::storage
