// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/secretstore.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"

namespace ddd::core::storage {

SecretStore::SecretStore(ConnectionProvider &connections) : m_connections(connections) {}

Result<std::optional<QByteArray>> SecretStore::find(const QString &name)
{
    Result<Statement> statement = m_connections.current().prepare(u"SELECT value FROM agent_secrets WHERE name = ?1"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, name);
    Result<bool> row = statement->step();
    if (!row)
        return row.error();
    return *row ? std::optional<QByteArray>(statement->columnBlob(0)) : std::nullopt;
}

Result<QByteArray> SecretStore::keepFirst(const QString &name, const QByteArray &value)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"INSERT INTO agent_secrets (name, value) VALUES (?1, ?2) ON CONFLICT (name) DO NOTHING"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, name).bind(2, value);
    if (Status stored = statement->run(); !stored)
        return stored.error();
    Result<std::optional<QByteArray>> kept = find(name);
    if (!kept)
        return kept.error();
    if (!*kept)
        return Error::make(u"storage.failed"_qs, u"The secret "_qs + name + u" was not stored"_qs);
    return **kept;
}

} // namespace ddd::core::storage
