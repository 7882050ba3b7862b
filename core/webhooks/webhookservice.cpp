// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/webhooks/webhookservice.h"

#include "core/auth/securerandom.h"
#include "core/deploy/projectservice.h"
#include "core/storage/webhookdeliverystore.h"
#include "core/storage/webhookstore.h"
#include "core/util/clock.h"
#include "core/webhooks/webhookevents.h"
#include "core/webhooks/webhooktarget.h"

#include <QJsonArray>

namespace ddd::core::webhooks {

namespace {

constexpr int SecretBytes = 32;

Error webhookNotFound()
{
    return Error::make(u"webhook.not_found"_qs, u"Webhook not found"_qs);
}

Error invalidField(const QString &field, const QString &message)
{
    return Error::make(u"request.invalid_field"_qs, message, QJsonObject{{u"field"_qs, field}});
}

Result<QStringList> parseEvents(const QJsonValue &value)
{
    if (!value.isArray())
        return invalidField(u"events"_qs, u"'events' must be an array of event names"_qs);
    QStringList events;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString() || !model::Webhook::eventTypes().contains(item.toString()))
            return Error::make(u"webhook.unknown_event"_qs,
                               u"Unknown event; one of: "_qs + model::Webhook::eventTypes().join(u", "_qs),
                               QJsonObject{{u"event"_qs, item}, {u"known"_qs, QJsonArray::fromStringList(model::Webhook::eventTypes())}});
        if (!events.contains(item.toString()))
            events.append(item.toString());
    }
    if (events.isEmpty())
        return Error::make(u"webhook.no_events"_qs, u"A webhook needs at least one event"_qs);
    return events;
}

} // namespace

WebhookService::WebhookService(storage::ConnectionProvider &connections, deploy::ProjectService &projects,
                               WebhookEvents &events, const Clock &clock, Options options)
    : m_projects(projects), m_events(events), m_clock(clock), m_options(options),
      m_hooks(std::make_unique<storage::WebhookStore>(connections)),
      m_deliveries(std::make_unique<storage::WebhookDeliveryStore>(connections))
{
}

WebhookService::~WebhookService() = default;

Result<model::Project> WebhookService::project(const model::Identity &caller, qint64 projectId,
                                               const QString &capability)
{
    if (!caller.can(capability))
        return Error::make(u"auth.forbidden"_qs, u"This token lacks the \""_qs + capability + u"\" capability"_qs,
                           QJsonObject{{u"capability"_qs, capability}});
    return m_projects.findVisible(caller, projectId);
}

Result<model::Webhook> WebhookService::visible(const model::Identity &caller, qint64 webhookId,
                                               const QString &capability)
{
    Result<std::optional<model::Webhook>> hook = m_hooks->find(webhookId);
    if (!hook)
        return hook.error();
    if (!hook->has_value())
        return webhookNotFound();
    Result<model::Project> owner = project(caller, (*hook)->projectId, capability);
    if (!owner)
        return owner.error().code == u"auth.forbidden"_qs ? owner.error() : webhookNotFound();
    return **hook;
}

Result<QString> WebhookService::checkedUrl(const QJsonValue &value) const
{
    if (!value.isString())
        return invalidField(u"url"_qs, u"'url' must be a string"_qs);
    Result<QUrl> url = WebhookTarget::parse(value.toString());
    if (!url)
        return url.error();
    if (Result<QList<QHostAddress>> resolved = WebhookTarget::resolve(*url, m_options.allowPrivateTargets); !resolved)
        return resolved.error();
    return url->toString(QUrl::FullyEncoded);
}

Status WebhookService::applyFields(model::Webhook &hook, const QJsonObject &fields) const
{
    if (fields.contains(u"url"_qs)) {
        Result<QString> url = checkedUrl(fields.value(u"url"_qs));
        if (!url)
            return url.error();
        hook.url = *url;
    }
    if (fields.contains(u"events"_qs)) {
        Result<QStringList> events = parseEvents(fields.value(u"events"_qs));
        if (!events)
            return events.error();
        hook.events = *events;
    }
    if (fields.contains(u"active"_qs)) {
        if (!fields.value(u"active"_qs).isBool())
            return invalidField(u"active"_qs, u"'active' must be true or false"_qs);
        hook.active = fields.value(u"active"_qs).toBool();
    }
    return {};
}

Result<WebhookService::Created> WebhookService::create(const model::Identity &caller, qint64 projectId,
                                                       const QJsonObject &body)
{
    if (Result<model::Project> owner = project(caller, projectId, u"projects"_qs); !owner)
        return owner.error();
    if (!body.contains(u"url"_qs))
        return invalidField(u"url"_qs, u"'url' is required"_qs);
    if (!body.contains(u"events"_qs))
        return invalidField(u"events"_qs, u"'events' is required"_qs);
    model::Webhook hook{0, projectId, {}, {}, true, m_clock.nowMs(), caller.userId};
    if (Status applied = applyFields(hook, body); !applied)
        return applied.error();
    Result<qint64> count = m_hooks->countByProject(projectId);
    if (!count)
        return count.error();
    if (*count >= m_options.maxPerProject)
        return Error::make(u"webhook.limit_reached"_qs, u"This project has as many webhooks as it may have"_qs,
                           QJsonObject{{u"limit"_qs, m_options.maxPerProject}});
    Result<QByteArray> random = auth::SecureRandom::bytes(SecretBytes);
    if (!random)
        return random.error();
    const QString secret = u"whsec_"_qs + QString::fromLatin1(random->toHex());
    Result<model::Webhook> stored = m_hooks->insert(hook, secret);
    if (!stored)
        return stored.error();
    return Created{*stored, secret};
}

Result<QList<model::Webhook>> WebhookService::list(const model::Identity &caller, qint64 projectId)
{
    if (Result<model::Project> owner = project(caller, projectId, u"read"_qs); !owner)
        return owner.error();
    return m_hooks->listByProject(projectId);
}

Result<model::Webhook> WebhookService::get(const model::Identity &caller, qint64 webhookId)
{
    return visible(caller, webhookId, u"read"_qs);
}

Result<model::Webhook> WebhookService::update(const model::Identity &caller, qint64 webhookId,
                                              const QJsonObject &patch)
{
    Result<model::Webhook> hook = visible(caller, webhookId, u"projects"_qs);
    if (!hook)
        return hook;
    if (Status applied = applyFields(*hook, patch); !applied)
        return applied.error();
    if (Status stored = m_hooks->update(*hook); !stored)
        return stored.error();
    return hook;
}

Status WebhookService::remove(const model::Identity &caller, qint64 webhookId)
{
    if (Result<model::Webhook> hook = visible(caller, webhookId, u"projects"_qs); !hook)
        return hook.error();
    return m_hooks->remove(webhookId);
}

Result<model::WebhookDelivery> WebhookService::ping(const model::Identity &caller, qint64 webhookId)
{
    Result<model::Webhook> hook = visible(caller, webhookId, u"projects"_qs);
    if (!hook)
        return hook.error();
    if (!hook->active)
        return Error::make(u"webhook.inactive"_qs, u"The webhook is disabled; enable it first"_qs);
    return m_events.ping(*hook);
}

Result<model::Page<model::WebhookDelivery>> WebhookService::deliveries(const model::Identity &caller,
                                                                       qint64 webhookId,
                                                                       const model::PageRequest &request)
{
    if (Result<model::Webhook> hook = visible(caller, webhookId, u"read"_qs); !hook)
        return hook.error();
    return m_deliveries->page(webhookId, request);
}

Result<model::WebhookDelivery> WebhookService::redeliver(const model::Identity &caller, qint64 deliveryId)
{
    Result<std::optional<model::WebhookDelivery>> earlier = m_deliveries->find(deliveryId);
    if (!earlier)
        return earlier.error();
    const Error notFound = Error::make(u"webhook.delivery_not_found"_qs, u"Webhook delivery not found"_qs);
    if (!earlier->has_value())
        return notFound;
    Result<model::Webhook> hook = visible(caller, (*earlier)->webhookId, u"projects"_qs);
    if (!hook)
        return hook.error().code == u"webhook.not_found"_qs ? notFound : hook.error();
    if (!hook->active)
        return Error::make(u"webhook.inactive"_qs, u"The webhook is disabled; enable it first"_qs);
    return m_events.redeliver(**earlier);
}

} // namespace ddd::core::webhooks
