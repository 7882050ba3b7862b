// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/webhooksclient.h"

#include "core/client/apitransport.h"
#include "core/client/replydelivery.h"
#include "core/wire/webhookjson.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ddd::core::client {

namespace {

Result<model::WebhookDelivery> decodeDelivery(const QJsonValue &json)
{
    return wire::webhookDeliveryFromJson(json.toObject());
}

Result<model::Webhook> decodeWebhook(const QJsonValue &json)
{
    return wire::webhookFromJson(json.toObject());
}

} // namespace

WebhooksClient::WebhooksClient(ApiTransport &transport, const ReplyDelivery &delivery)
    : m_transport(transport), m_delivery(std::make_unique<ReplyDelivery>(delivery))
{
}

WebhooksClient::~WebhooksClient() = default;

CallHandle WebhooksClient::createWebhook(qint64 projectId, const QString &url, const QStringList &events,
                                         QObject *context, Callback<CreatedWebhook> done)
{
    const QJsonObject body{{u"url"_qs, url}, {u"events"_qs, QJsonArray::fromStringList(events)}};
    return m_delivery->deliver<CreatedWebhook>(
        m_transport.sendJson("POST", ApiTransport::idPath("projects", projectId, "/webhooks"), body), context,
        std::move(done), [](const QJsonValue &json) -> Result<CreatedWebhook> {
            Result<model::Webhook> hook = wire::webhookFromJson(json.toObject());
            const QString secret = json.toObject().value(u"secret"_qs).toString();
            if (!hook.ok())
                return hook.error();
            if (secret.isEmpty())
                return ReplyDelivery::unexpected(u"secret"_qs);
            return CreatedWebhook{*hook, secret};
        });
}

CallHandle WebhooksClient::listWebhooks(qint64 projectId, QObject *context, Callback<QList<model::Webhook>> done)
{
    return m_delivery->deliver<QList<model::Webhook>>(
        m_transport.sendJson("GET", ApiTransport::idPath("projects", projectId, "/webhooks")), context,
        std::move(done), [](const QJsonValue &json) {
            return ReplyDelivery::decodeList<model::Webhook>(json, u"webhooks"_qs, wire::webhookFromJson);
        });
}

CallHandle WebhooksClient::setWebhookActive(qint64 webhookId, bool active, QObject *context,
                                            Callback<model::Webhook> done)
{
    return m_delivery->deliver<model::Webhook>(
        m_transport.sendJson("PATCH", ApiTransport::idPath("webhooks", webhookId), QJsonObject{{u"active"_qs, active}}),
        context, std::move(done), decodeWebhook);
}

CallHandle WebhooksClient::deleteWebhook(qint64 webhookId, QObject *context, Callback<void> done)
{
    return m_delivery->deliverStatus(m_transport.sendJson("DELETE", ApiTransport::idPath("webhooks", webhookId)),
                                     context, std::move(done));
}

CallHandle WebhooksClient::pingWebhook(qint64 webhookId, QObject *context, Callback<model::WebhookDelivery> done)
{
    return m_delivery->deliver<model::WebhookDelivery>(
        m_transport.sendJson("POST", ApiTransport::idPath("webhooks", webhookId, "/ping")), context, std::move(done),
        decodeDelivery);
}

CallHandle WebhooksClient::listDeliveries(qint64 webhookId, QObject *context,
                                          Callback<QList<model::WebhookDelivery>> done)
{
    return m_delivery->deliver<QList<model::WebhookDelivery>>(
        m_transport.sendJson("GET", ApiTransport::idPath("webhooks", webhookId, "/deliveries")), context,
        std::move(done), [](const QJsonValue &json) {
            return ReplyDelivery::decodeList<model::WebhookDelivery>(json, u"items"_qs, wire::webhookDeliveryFromJson);
        });
}

CallHandle WebhooksClient::redeliver(qint64 deliveryId, QObject *context, Callback<model::WebhookDelivery> done)
{
    return m_delivery->deliver<model::WebhookDelivery>(
        m_transport.sendJson("POST", ApiTransport::idPath("webhook-deliveries", deliveryId, "/redeliver")), context,
        std::move(done), decodeDelivery);
}

} // namespace ddd::core::client
