// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/webhook.h"
#include "core/model/webhookdelivery.h"

#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace ddd::core::client {
class ApiClient;
}

namespace ddd::app {

class WebhookDialog;

// The project's outgoing webhooks (docs/webhooks.md): the list with each
// receiver, its events and whether it is on; Add (the secret shown once),
// Enable/Disable, Send Test, Delete; and the selected webhook's delivery
// log, newest first, with Redeliver.
class WebhooksPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebhooksPage)

public:
    enum HookColumn { Url, Events, State, HookColumnCount };
    enum DeliveryColumn { When, Event, Outcome, Attempts, HttpStatus, Duration, NextTry, Error, DeliveryColumnCount };

    explicit WebhooksPage(QWidget *parent = nullptr);

    // A null api (or id 0) empties the page.
    void setProject(core::client::ApiClient *api, qint64 projectId);
    void reload();
    void reloadDeliveries();

    QTableWidget *hooksTable() const { return m_hooks; }
    QTableWidget *deliveriesTable() const { return m_deliveries; }
    // The open Add dialog, for tests.
    WebhookDialog *addDialog() const { return m_dialog; }

public slots:
    void add();

private:
    void showHooks(const QList<core::model::Webhook> &hooks);
    void showDeliveries(const QList<core::model::WebhookDelivery> &deliveries);
    void submit();
    void toggleActive();
    void ping();
    void remove();
    void redeliver();
    void updateButtons();
    const core::model::Webhook *currentHook() const;
    qint64 currentDeliveryId() const;
    void showProblem(const QString &text);

    core::client::ApiClient *m_api = nullptr;
    qint64 m_projectId = 0;
    QList<core::model::Webhook> m_list;
    QTableWidget *m_hooks;
    QTableWidget *m_deliveries;
    QPushButton *m_add;
    QPushButton *m_toggle;
    QPushButton *m_ping;
    QPushButton *m_delete;
    QPushButton *m_redeliver;
    QPushButton *m_refresh;
    QLabel *m_note;
    WebhookDialog *m_dialog = nullptr;
};

} // namespace ddd::app
