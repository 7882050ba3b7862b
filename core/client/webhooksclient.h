// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/callhandle.h"
#include "core/model/webhook.h"
#include "core/model/webhookdelivery.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

class QObject;

namespace ddd::core::client {

class ApiTransport;
class ReplyDelivery;

// A webhook as created: the signing secret comes back only here.
struct CreatedWebhook final
{
    model::Webhook hook;
    QString secret;
};

// The webhook calls of the agent's API (docs/webhooks.md), reached through
// ApiClient::webhooks(); the same rules as every ApiClient call.
class WebhooksClient final
{
public:
    WebhooksClient(ApiTransport &transport, const ReplyDelivery &delivery);
    ~WebhooksClient();
    WebhooksClient(const WebhooksClient &) = delete;
    WebhooksClient &operator=(const WebhooksClient &) = delete;

    CallHandle createWebhook(qint64 projectId, const QString &url, const QStringList &events, QObject *context,
                             Callback<CreatedWebhook> done);
    CallHandle listWebhooks(qint64 projectId, QObject *context, Callback<QList<model::Webhook>> done);
    CallHandle setWebhookActive(qint64 webhookId, bool active, QObject *context, Callback<model::Webhook> done);
    CallHandle deleteWebhook(qint64 webhookId, QObject *context, Callback<void> done);
    CallHandle pingWebhook(qint64 webhookId, QObject *context, Callback<model::WebhookDelivery> done);
    // The newest deliveries: the agent's first page (50).
    CallHandle listDeliveries(qint64 webhookId, QObject *context, Callback<QList<model::WebhookDelivery>> done);
    CallHandle redeliver(qint64 deliveryId, QObject *context, Callback<model::WebhookDelivery> done);

private:
    ApiTransport &m_transport;
    std::unique_ptr<ReplyDelivery> m_delivery;
};

} // namespace ddd::core::client
