// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace ddd::core::storage {

class ConnectionProvider;

// agent_secrets: named secrets that every agent sharing a database must
// hold alike (the session-token key). Values are never logged.
class SecretStore final
{
public:
    explicit SecretStore(ConnectionProvider &connections);

    Result<std::optional<QByteArray>> find(const QString &name);
    // Stores `value` unless `name` has one already, and answers the stored
    // value either way: of two agents racing, both end up with the first's.
    Result<QByteArray> keepFirst(const QString &name, const QByteArray &value);

private:
    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
