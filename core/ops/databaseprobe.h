// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace ddd::core::storage {
class ConnectionProvider;
}

namespace ddd::core::ops {

// Whether the metadata database answers a query, for the operator's status
// page: the SQL stays in core, out of the controller.
class DatabaseProbe final
{
public:
    explicit DatabaseProbe(storage::ConnectionProvider &database) : m_database(database) {}

    // True when the schema version can be read on the calling thread's connection.
    bool answers() const;

private:
    storage::ConnectionProvider &m_database;
};

} // namespace ddd::core::ops
