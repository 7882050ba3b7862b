// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/identity.h"
#include "core/model/page.h"
#include "core/model/pagerequest.h"
#include "core/model/project.h"
#include "core/model/webhook.h"
#include "core/model/webhookdelivery.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>

namespace ddd::core {
class Clock;
}

namespace ddd::core::deploy {
class ProjectService;
}

namespace ddd::core::storage {
class ConnectionProvider;
class WebhookDeliveryStore;
class WebhookStore;
} // namespace ddd::core::storage

namespace ddd::core::webhooks {

class WebhookEvents;

// The webhook use cases behind /api/v1/projects/{id}/webhooks. Like the
// project routes: owners (and operators) only, `project.not_found` /
// `webhook.not_found` for anything else; API tokens need "read" to read and
// "projects" to change. The secret is answered by create() only.
// Refusals: `webhook.invalid_url`, `webhook.unknown_event`,
// `webhook.no_events`, `webhook.target_refused`, `webhook.unresolvable_host`,
// `webhook.limit_reached`, `webhook.inactive`, `request.invalid_field`.
class WebhookService final
{
public:
    struct Options final
    {
        bool allowPrivateTargets = false;
        int maxPerProject = 10;
    };

    struct Created final
    {
        model::Webhook hook;
        QString secret; // shown once
    };

    WebhookService(storage::ConnectionProvider &connections, deploy::ProjectService &projects, WebhookEvents &events,
                   const Clock &clock, Options options);
    ~WebhookService();

    // The POST body {url, events, active?}.
    Result<Created> create(const model::Identity &caller, qint64 projectId, const QJsonObject &body);
    Result<QList<model::Webhook>> list(const model::Identity &caller, qint64 projectId);
    Result<model::Webhook> get(const model::Identity &caller, qint64 webhookId);
    // The PATCH body: any of url, events, active.
    Result<model::Webhook> update(const model::Identity &caller, qint64 webhookId, const QJsonObject &patch);
    Status remove(const model::Identity &caller, qint64 webhookId);
    Result<model::WebhookDelivery> ping(const model::Identity &caller, qint64 webhookId);
    Result<model::Page<model::WebhookDelivery>> deliveries(const model::Identity &caller, qint64 webhookId,
                                                           const model::PageRequest &request);
    Result<model::WebhookDelivery> redeliver(const model::Identity &caller, qint64 deliveryId);

private:
    Result<model::Webhook> visible(const model::Identity &caller, qint64 webhookId, const QString &capability);
    Result<model::Project> project(const model::Identity &caller, qint64 projectId, const QString &capability);
    Status applyFields(model::Webhook &hook, const QJsonObject &fields) const;
    Result<QString> checkedUrl(const QJsonValue &value) const;

    deploy::ProjectService &m_projects;
    WebhookEvents &m_events;
    const Clock &m_clock;
    const Options m_options;
    std::unique_ptr<storage::WebhookStore> m_hooks;
    std::unique_ptr<storage::WebhookDeliveryStore> m_deliveries;
};

} // namespace ddd::core::webhooks
