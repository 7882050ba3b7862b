// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/page.h"
#include "core/model/pagerequest.h"
#include "core/model/webhookdelivery.h"
#include "core/util/result.h"

#include <QList>
#include <QString>

#include <optional>

namespace ddd::core::storage {

class ConnectionProvider;
class Statement;

// Rows of `webhook_deliveries`: the persistent queue the sender works from
// and the per-webhook delivery log the API pages through.
class WebhookDeliveryStore final
{
public:
    // A pending delivery whose time has come, with what sending it needs.
    struct Due final
    {
        model::WebhookDelivery delivery;
        QString url;
        QString secret;
    };

    explicit WebhookDeliveryStore(ConnectionProvider &connections);

    // Appends, then drops the webhook's oldest finished deliveries beyond
    // `retain` (pending ones are never dropped: they are the queue).
    Result<model::WebhookDelivery> insert(const model::WebhookDelivery &delivery, int retain);
    // The same for the deliveries of one event, in one transaction (one
    // commit per event, however many webhooks hear of it).
    Result<QList<model::WebhookDelivery>> insertAll(const QList<model::WebhookDelivery> &deliveries, int retain);
    Result<std::optional<model::WebhookDelivery>> find(qint64 id);
    // Newest first.
    Result<model::Page<model::WebhookDelivery>> page(qint64 webhookId, const model::PageRequest &request);
    // Pending deliveries of active webhooks due at `nowMs`, soonest first,
    // each claimed until `leaseUntilMs` (its next attempt moved there), so
    // no other agent sharing the database sends it meanwhile; one whose
    // agent dies mid-attempt goes out again once the lease has passed.
    Result<QList<Due>> claimDue(qint64 nowMs, int limit, qint64 leaseUntilMs);
    // Gives claimed deliveries back, due at once (an agent stopping with
    // them in flight).
    Status release(const QList<qint64> &ids, qint64 nowMs);
    // Stores the outcome of an attempt (state, counters, next time, result).
    Status recordAttempt(const model::WebhookDelivery &delivery);

private:
    Result<QList<model::WebhookDelivery>> collect(Statement &statement);

    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
