// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/webhook.h"
#include "core/util/result.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace ddd::core::storage {

class ConnectionProvider;
class Statement;

// Rows of `webhooks`. The secret is written once and read only by secret().
class WebhookStore final
{
public:
    explicit WebhookStore(ConnectionProvider &connections);

    Result<model::Webhook> insert(const model::Webhook &hook, const QString &secret);
    Result<QList<model::Webhook>> listByProject(qint64 projectId);
    Result<qint64> countByProject(qint64 projectId);
    Result<std::optional<model::Webhook>> find(qint64 id);
    // The project's active webhooks subscribed to `event`.
    Result<QList<model::Webhook>> subscribers(qint64 projectId, const QString &event);
    Result<QString> secret(qint64 id);
    Status update(const model::Webhook &hook);
    Status remove(qint64 id);

private:
    Result<QList<model::Webhook>> collect(const QString &where, const std::function<void(Statement &)> &bind);

    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
