// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/webhook.h"
#include "core/model/webhookdelivery.h"
#include "core/util/result.h"

#include <QJsonObject>

namespace ddd::core::wire {

// {"id", "projectId", "url", "events", "active", "createdAt"}; the secret is
// added by the create route only (docs/webhooks.md).
QJsonObject webhookToJson(const model::Webhook &hook);
Result<model::Webhook> webhookFromJson(const QJsonObject &json);
// {"id", "webhookId", "eventId", "event", "state", "attempts", "createdAt",
// "lastAttemptAt", "nextAttemptAt", "statusCode", "durationMs", "error",
// "responseExcerpt", "payload"}.
QJsonObject webhookDeliveryToJson(const model::WebhookDelivery &delivery);
Result<model::WebhookDelivery> webhookDeliveryFromJson(const QJsonObject &json);

} // namespace ddd::core::wire
