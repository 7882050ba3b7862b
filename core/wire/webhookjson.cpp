// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/wire/webhookjson.h"

#include "core/wire/jsonfields.h"
#include "core/wire/timestampjson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ddd::core::wire {

namespace {

QJsonValue numberOrNull(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue timeOrNull(const std::optional<qint64> &value)
{
    return value ? QJsonValue(timestampToJson(*value)) : QJsonValue(QJsonValue::Null);
}

std::optional<qint64> optionalNumber(const QJsonObject &json, const QString &key)
{
    const QJsonValue value = json.value(key);
    return value.isDouble() ? std::optional<qint64>(qint64(value.toDouble())) : std::nullopt;
}

std::optional<qint64> optionalTime(const QJsonObject &json, const QString &key)
{
    const QJsonValue value = json.value(key);
    return value.isString() ? timestampFromJson(value.toString()) : std::nullopt;
}

} // namespace

QJsonObject webhookToJson(const model::Webhook &hook)
{
    return QJsonObject{{u"id"_qs, hook.id},
                       {u"projectId"_qs, hook.projectId},
                       {u"url"_qs, hook.url},
                       {u"events"_qs, QJsonArray::fromStringList(hook.events)},
                       {u"active"_qs, hook.active},
                       {u"createdAt"_qs, timestampToJson(hook.createdAt)}};
}

Result<model::Webhook> webhookFromJson(const QJsonObject &json)
{
    JsonFields fields(json);
    model::Webhook hook;
    hook.id = fields.id(u"id"_qs);
    hook.projectId = fields.id(u"projectId"_qs);
    hook.url = fields.string(u"url"_qs);
    for (const QJsonValue &event : fields.array(u"events"_qs))
        hook.events.append(event.toString());
    hook.active = fields.boolean(u"active"_qs);
    hook.createdAt = fields.timestamp(u"createdAt"_qs);
    if (auto error = fields.error())
        return *error;
    return hook;
}

QJsonObject webhookDeliveryToJson(const model::WebhookDelivery &d)
{
    return QJsonObject{{u"id"_qs, d.id},
                       {u"webhookId"_qs, d.webhookId},
                       {u"eventId"_qs, d.eventId},
                       {u"event"_qs, d.event},
                       {u"state"_qs, d.state},
                       {u"attempts"_qs, d.attempts},
                       {u"createdAt"_qs, timestampToJson(d.createdAt)},
                       {u"lastAttemptAt"_qs, timeOrNull(d.lastAttemptAt)},
                       {u"nextAttemptAt"_qs, timeOrNull(d.nextAttemptAt)},
                       {u"statusCode"_qs, numberOrNull(d.statusCode)},
                       {u"durationMs"_qs, numberOrNull(d.durationMs)},
                       {u"error"_qs, d.error.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(d.error)},
                       {u"responseExcerpt"_qs, d.responseExcerpt},
                       {u"payload"_qs, QJsonDocument::fromJson(d.payload).object()}};
}

Result<model::WebhookDelivery> webhookDeliveryFromJson(const QJsonObject &json)
{
    JsonFields fields(json);
    model::WebhookDelivery d;
    d.id = fields.id(u"id"_qs);
    d.webhookId = fields.id(u"webhookId"_qs);
    d.eventId = fields.string(u"eventId"_qs);
    d.event = fields.string(u"event"_qs);
    d.state = fields.string(u"state"_qs);
    d.attempts = int(json.value(u"attempts"_qs).toInteger());
    d.createdAt = fields.timestamp(u"createdAt"_qs);
    d.lastAttemptAt = optionalTime(json, u"lastAttemptAt"_qs);
    d.nextAttemptAt = optionalTime(json, u"nextAttemptAt"_qs);
    d.statusCode = optionalNumber(json, u"statusCode"_qs);
    d.durationMs = optionalNumber(json, u"durationMs"_qs);
    d.error = fields.optionalString(u"error"_qs).value_or(QString());
    d.responseExcerpt = json.value(u"responseExcerpt"_qs).toString();
    d.payload = QJsonDocument(json.value(u"payload"_qs).toObject()).toJson(QJsonDocument::Compact);
    if (auto error = fields.error())
        return *error;
    return d;
}

} // namespace ddd::core::wire
