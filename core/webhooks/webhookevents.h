// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/activityentry.h"
#include "core/model/build.h"
#include "core/model/webhook.h"
#include "core/model/webhookdelivery.h"
#include "core/util/result.h"

#include <QJsonObject>

#include <functional>
#include <memory>

namespace ddd::core {
class Clock;
}

namespace ddd::core::storage {
class ConnectionProvider;
class ProjectStore;
class WebhookDeliveryStore;
class WebhookStore;
} // namespace ddd::core::storage

namespace ddd::core::webhooks {

// Turns what happened to a project into webhook deliveries: one payload per
// event (with a unique id receivers dedupe on), one queued delivery per
// subscribed active webhook, then wakes the sender. Fed by the activity log
// (deploy.created, version.activated, version.rolled_back) and the build
// service (build.finished). Publishing never fails the action it reports:
// errors are logged. Thread-safe.
class WebhookEvents final
{
public:
    WebhookEvents(storage::ConnectionProvider &connections, storage::ProjectStore &projects, const Clock &clock,
                  int retainDeliveries);
    ~WebhookEvents();

    // Called after a delivery was queued (the sender's wake-up).
    void setWake(std::function<void()> wake) { m_wake = std::move(wake); }

    void onActivity(const model::ActivityEntry &entry);
    void onBuildFinished(const model::Build &build);
    // The "ping" event to one webhook, whatever it subscribes to.
    Result<model::WebhookDelivery> ping(const model::Webhook &hook);
    // A new delivery of an earlier one's payload (same event id).
    Result<model::WebhookDelivery> redeliver(const model::WebhookDelivery &earlier);

private:
    void publish(qint64 projectId, const QString &type, const QJsonObject &data);
    Result<QByteArray> payload(qint64 projectId, const QString &type, const QString &eventId,
                               const QJsonObject &data);
    model::WebhookDelivery delivery(qint64 webhookId, const QString &type, const QString &eventId,
                                    const QByteArray &payload) const;
    Result<model::WebhookDelivery> enqueue(qint64 webhookId, const QString &type, const QString &eventId,
                                           const QByteArray &payload);

    storage::ProjectStore &m_projects;
    const Clock &m_clock;
    const int m_retain;
    std::unique_ptr<storage::WebhookStore> m_hooks;
    std::unique_ptr<storage::WebhookDeliveryStore> m_deliveries;
    std::function<void()> m_wake;
};

} // namespace ddd::core::webhooks
