// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/webhooks/webhookevents.h"

#include "core/auth/securerandom.h"
#include "core/model/buildstatus.h"
#include "core/storage/projectstore.h"
#include "core/storage/webhookdeliverystore.h"
#include "core/storage/webhookstore.h"
#include "core/util/clock.h"
#include "core/wire/timestampjson.h"

#include <QJsonDocument>
#include <QLoggingCategory>

namespace ddd::core::webhooks {

namespace {

Q_LOGGING_CATEGORY(lcWebhooks, "ddd.core.webhooks")

QJsonValue orNull(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonObject actorOf(std::optional<qint64> id, const QString &email, const QString &via)
{
    return QJsonObject{{u"id"_qs, orNull(id)},
                       {u"email"_qs, email.isEmpty() ? QJsonValue() : QJsonValue(email)},
                       {u"via"_qs, via}};
}

QJsonObject buildObject(const model::Build &build)
{
    QJsonObject out{{u"id"_qs, build.id},
                    {u"number"_qs, build.number},
                    {u"status"_qs, model::buildStatusName(build.status)},
                    {u"trigger"_qs, model::buildTriggerName(build.trigger)},
                    {u"versionId"_qs, orNull(build.versionId)},
                    {u"error"_qs, QJsonValue()}};
    if (build.error)
        out.insert(u"error"_qs, QJsonObject{{u"code"_qs, build.error->code}, {u"message"_qs, build.error->message}});
    return out;
}

Result<QString> newEventId()
{
    Result<QByteArray> bytes = auth::SecureRandom::bytes(16);
    if (!bytes)
        return bytes.error();
    return u"evt_"_qs + QString::fromLatin1(bytes->toHex());
}

} // namespace

WebhookEvents::WebhookEvents(storage::ConnectionProvider &connections, storage::ProjectStore &projects,
                             const Clock &clock, int retainDeliveries)
    : m_projects(projects), m_clock(clock), m_retain(retainDeliveries),
      m_hooks(std::make_unique<storage::WebhookStore>(connections)),
      m_deliveries(std::make_unique<storage::WebhookDeliveryStore>(connections))
{
}

WebhookEvents::~WebhookEvents() = default;

void WebhookEvents::onActivity(const model::ActivityEntry &entry)
{
    if (entry.refused || !model::Webhook::eventTypes().contains(entry.kind))
        return;
    QJsonObject version = entry.kind == u"deploy.created"_qs ? entry.detail : QJsonObject();
    version.insert(u"number"_qs, orNull(entry.versionNumber));
    publish(entry.projectId, entry.kind,
            QJsonObject{{u"version"_qs, version}, {u"actor"_qs, actorOf(entry.actorId, entry.actor, entry.via)}});
}

void WebhookEvents::onBuildFinished(const model::Build &build)
{
    publish(build.projectId, u"build.finished"_qs,
            QJsonObject{{u"build"_qs, buildObject(build)},
                        {u"actor"_qs, actorOf(build.authorId, build.authorEmail, u"build"_qs)}});
}

Result<model::WebhookDelivery> WebhookEvents::ping(const model::Webhook &hook)
{
    Result<QString> eventId = newEventId();
    if (!eventId)
        return eventId.error();
    const QJsonObject data{{u"webhook"_qs, QJsonObject{{u"id"_qs, hook.id}, {u"url"_qs, hook.url}}}};
    Result<QByteArray> body = payload(hook.projectId, u"ping"_qs, *eventId, data);
    if (!body)
        return body.error();
    return enqueue(hook.id, u"ping"_qs, *eventId, *body);
}

Result<model::WebhookDelivery> WebhookEvents::redeliver(const model::WebhookDelivery &earlier)
{
    return enqueue(earlier.webhookId, earlier.event, earlier.eventId, earlier.payload);
}

void WebhookEvents::publish(qint64 projectId, const QString &type, const QJsonObject &data)
{
    Result<QList<model::Webhook>> hooks = m_hooks->subscribers(projectId, type);
    if (!hooks || hooks->isEmpty()) {
        if (!hooks)
            qCWarning(lcWebhooks).noquote() << "cannot read the webhooks of project" << projectId << hooks.error().message;
        return;
    }
    Result<QString> eventId = newEventId();
    Result<QByteArray> body = eventId ? payload(projectId, type, *eventId, data) : Result<QByteArray>(eventId.error());
    if (!body) {
        qCWarning(lcWebhooks).noquote() << "cannot publish" << type << "of project" << projectId << body.error().message;
        return;
    }
    QList<model::WebhookDelivery> deliveries;
    for (const model::Webhook &hook : *hooks)
        deliveries.append(delivery(hook.id, type, *eventId, *body));
    if (auto queued = m_deliveries->insertAll(deliveries, m_retain); !queued)
        qCWarning(lcWebhooks).noquote() << "cannot queue" << type << "of project" << projectId
                                        << queued.error().message;
    else if (m_wake)
        m_wake();
}

Result<QByteArray> WebhookEvents::payload(qint64 projectId, const QString &type, const QString &eventId,
                                          const QJsonObject &data)
{
    Result<std::optional<model::Project>> project = m_projects.findById(projectId);
    if (!project)
        return project.error();
    const QString name = project->has_value() ? (*project)->name : QString();
    const QJsonObject body{{u"id"_qs, eventId},
                           {u"type"_qs, type},
                           {u"createdAt"_qs, wire::timestampToJson(m_clock.nowMs())},
                           {u"project"_qs, QJsonObject{{u"id"_qs, projectId}, {u"name"_qs, name}}},
                           {u"data"_qs, data}};
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

model::WebhookDelivery WebhookEvents::delivery(qint64 webhookId, const QString &type, const QString &eventId,
                                               const QByteArray &payload) const
{
    model::WebhookDelivery delivery;
    delivery.webhookId = webhookId;
    delivery.event = type;
    delivery.eventId = eventId;
    delivery.payload = payload;
    delivery.createdAt = m_clock.nowMs();
    delivery.nextAttemptAt = delivery.createdAt;
    return delivery;
}

Result<model::WebhookDelivery> WebhookEvents::enqueue(qint64 webhookId, const QString &type, const QString &eventId,
                                                      const QByteArray &payload)
{
    Result<model::WebhookDelivery> stored = m_deliveries->insert(delivery(webhookId, type, eventId, payload), m_retain);
    if (stored && m_wake)
        m_wake();
    return stored;
}

} // namespace ddd::core::webhooks
