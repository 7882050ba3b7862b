// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/pages/webhookspage.h"

#include "app/dialogs/confirmbox.h"
#include "app/dialogs/webhookdialog.h"
#include "app/displayformat.h"
#include "app/errormessages.h"
#include "core/client/apiclient.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ddd::app {

using core::Result;
using core::Status;
using core::model::Webhook;
using core::model::WebhookDelivery;

namespace {

QTableWidget *makeTable(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *table = new QTableWidget(0, int(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QString outcomeText(const WebhookDelivery &d)
{
    if (d.state == u"succeeded"_qs)
        return WebhooksPage::tr("Delivered");
    if (d.state == u"failed"_qs)
        return WebhooksPage::tr("Failed");
    return d.attempts == 0 ? WebhooksPage::tr("Queued") : WebhooksPage::tr("Retrying");
}

} // namespace

WebhooksPage::WebhooksPage(QWidget *parent)
    : QWidget(parent),
      m_hooks(makeTable({tr("Receiver"), tr("Events"), tr("State")}, u"webhooksTable"_qs, this)),
      m_deliveries(makeTable({tr("When"), tr("Event"), tr("Outcome"), tr("Attempts"), tr("Status"), tr("Duration"),
                              tr("Next try"), tr("Error")},
                             u"webhookDeliveriesTable"_qs, this)),
      m_add(new QPushButton(tr("&Add Webhook…"), this)), m_toggle(new QPushButton(tr("&Disable"), this)),
      m_ping(new QPushButton(tr("Send &Test"), this)), m_delete(new QPushButton(tr("De&lete"), this)),
      m_redeliver(new QPushButton(tr("&Redeliver"), this)), m_refresh(new QPushButton(tr("Re&fresh"), this)),
      m_note(new QLabel(this))
{
    setObjectName(u"webhooksPage"_qs);
    m_add->setObjectName(u"webhookAddButton"_qs);
    m_toggle->setObjectName(u"webhookToggle"_qs);
    m_ping->setObjectName(u"webhookPing"_qs);
    m_delete->setObjectName(u"webhookDelete"_qs);
    m_redeliver->setObjectName(u"webhookRedeliver"_qs);
    m_refresh->setObjectName(u"webhookRefresh"_qs);
    m_note->setObjectName(u"webhooksNote"_qs);
    m_note->setWordWrap(true);
    auto *help = new QLabel(tr("Webhooks POST a signed JSON message to your receiver when a version is deployed, "
                               "a build finishes, a version goes live or the site is rolled back."), this);
    help->setWordWrap(true);
    auto *hookButtons = new QHBoxLayout;
    for (QPushButton *button : {m_add, m_toggle, m_ping, m_delete})
        hookButtons->addWidget(button);
    hookButtons->addStretch();
    auto *deliveryButtons = new QHBoxLayout;
    deliveryButtons->addWidget(new QLabel(tr("Deliveries of the selected webhook, newest first"), this), 1);
    deliveryButtons->addWidget(m_refresh);
    deliveryButtons->addWidget(m_redeliver);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(help);
    layout->addWidget(m_hooks, 1);
    layout->addLayout(hookButtons);
    layout->addLayout(deliveryButtons);
    layout->addWidget(m_deliveries, 2);
    layout->addWidget(m_note);
    connect(m_add, &QPushButton::clicked, this, &WebhooksPage::add);
    connect(m_toggle, &QPushButton::clicked, this, &WebhooksPage::toggleActive);
    connect(m_ping, &QPushButton::clicked, this, &WebhooksPage::ping);
    connect(m_delete, &QPushButton::clicked, this, &WebhooksPage::remove);
    connect(m_redeliver, &QPushButton::clicked, this, &WebhooksPage::redeliver);
    connect(m_refresh, &QPushButton::clicked, this, &WebhooksPage::reloadDeliveries);
    connect(m_hooks, &QTableWidget::itemSelectionChanged, this, [this] {
        updateButtons();
        reloadDeliveries();
    });
    connect(m_deliveries, &QTableWidget::itemSelectionChanged, this, &WebhooksPage::updateButtons);
    setProject(nullptr, 0);
}

void WebhooksPage::setProject(core::client::ApiClient *api, qint64 projectId)
{
    m_api = api;
    m_projectId = api ? projectId : 0;
    m_note->clear();
    showHooks({});
    reload();
}

void WebhooksPage::reload()
{
    setEnabled(m_projectId != 0);
    if (!m_projectId)
        return;
    const qint64 projectId = m_projectId;
    m_api->webhooks().listWebhooks(projectId, this, [this, projectId](Result<QList<Webhook>> hooks) {
        if (projectId != m_projectId)
            return;
        if (!hooks.ok())
            return showProblem(ErrorMessages::describe(hooks.error()).text());
        showHooks(*hooks);
    });
}

void WebhooksPage::showHooks(const QList<Webhook> &hooks)
{
    const qint64 selected = currentHook() ? currentHook()->id : 0;
    m_list = hooks;
    m_hooks->setRowCount(int(hooks.size()));
    for (int row = 0; row < hooks.size(); ++row) {
        const Webhook &hook = hooks[row];
        m_hooks->setItem(row, Url, new QTableWidgetItem(hook.url));
        m_hooks->setItem(row, Events, new QTableWidgetItem(hook.events.join(u", "_qs)));
        m_hooks->setItem(row, State, new QTableWidgetItem(hook.active ? tr("Active") : tr("Disabled")));
        if (hook.id == selected || (selected == 0 && row == 0))
            m_hooks->selectRow(row);
    }
    m_hooks->resizeColumnsToContents();
    if (hooks.isEmpty())
        showDeliveries({});
    updateButtons();
}

void WebhooksPage::reloadDeliveries()
{
    const Webhook *hook = currentHook();
    if (!hook || !m_api)
        return showDeliveries({});
    const qint64 hookId = hook->id;
    m_api->webhooks().listDeliveries(hookId, this, [this, hookId](Result<QList<WebhookDelivery>> deliveries) {
        if (!currentHook() || currentHook()->id != hookId)
            return;
        if (!deliveries.ok())
            return showProblem(ErrorMessages::describe(deliveries.error()).text());
        showDeliveries(*deliveries);
    });
}

void WebhooksPage::showDeliveries(const QList<WebhookDelivery> &deliveries)
{
    m_deliveries->setRowCount(int(deliveries.size()));
    for (int row = 0; row < deliveries.size(); ++row) {
        const WebhookDelivery &d = deliveries[row];
        const QStringList cells = {DisplayFormat::time(d.lastAttemptAt.value_or(d.createdAt)), d.event, outcomeText(d),
                                   QString::number(d.attempts), d.statusCode ? QString::number(*d.statusCode) : u"—"_qs,
                                   d.durationMs ? tr("%1 ms").arg(*d.durationMs) : u"—"_qs,
                                   d.nextAttemptAt ? DisplayFormat::time(*d.nextAttemptAt) : u"—"_qs, d.error};
        for (int column = 0; column < DeliveryColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setData(Qt::UserRole, d.id);
            if (column == Error && !d.responseExcerpt.isEmpty())
                item->setToolTip(d.responseExcerpt);
            m_deliveries->setItem(row, column, item);
        }
    }
    m_deliveries->resizeColumnsToContents();
    updateButtons();
}

void WebhooksPage::add()
{
    if (!m_projectId)
        return;
    m_dialog = new WebhookDialog(this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &WebhookDialog::submitted, this, &WebhooksPage::submit);
    connect(m_dialog, &QObject::destroyed, this, [this] { m_dialog = nullptr; });
    m_dialog->open();
}

void WebhooksPage::submit()
{
    if (!m_dialog || !m_projectId)
        return;
    QPointer<WebhookDialog> dialog = m_dialog;
    m_api->webhooks().createWebhook(m_projectId, dialog->url(), dialog->events(), this,
                                    [this, dialog](Result<core::client::CreatedWebhook> created) {
                                        if (!dialog)
                                            return;
                                        if (!created.ok())
                                            return dialog->showProblem(ErrorMessages::describe(created.error()).text());
                                        dialog->showSecret(created->secret);
                                        reload();
                                    });
}

void WebhooksPage::toggleActive()
{
    const Webhook *hook = currentHook();
    if (!hook)
        return;
    m_api->webhooks().setWebhookActive(hook->id, !hook->active, this, [this](Result<Webhook> changed) {
        if (!changed.ok())
            return showProblem(ErrorMessages::describe(changed.error()).text());
        m_note->setText(changed->active ? tr("The webhook is on again.") : tr("The webhook is off; nothing is sent to it."));
        reload();
    });
}

void WebhooksPage::ping()
{
    const Webhook *hook = currentHook();
    if (!hook)
        return;
    m_api->webhooks().pingWebhook(hook->id, this, [this](Result<WebhookDelivery> delivery) {
        if (!delivery.ok())
            return showProblem(ErrorMessages::describe(delivery.error()).text());
        m_note->setText(tr("A test event is on its way; Refresh shows how it went."));
        reloadDeliveries();
    });
}

void WebhooksPage::remove()
{
    const Webhook *hook = currentHook();
    if (!hook)
        return;
    const qint64 hookId = hook->id;
    const QString text = tr("Delete the webhook to %1? Nothing more is sent to it, and its delivery history "
                            "is deleted with it. To pause it instead, use Disable.")
                             .arg(hook->url);
    ConfirmBox::ask(this, tr("Delete Webhook"), text, tr("&Delete Webhook"), [this, hookId] {
        m_api->webhooks().deleteWebhook(hookId, this, [this](Status status) {
            if (!status.ok())
                return showProblem(ErrorMessages::describe(status.error()).text());
            m_note->setText(tr("The webhook is deleted."));
            reload();
        });
    });
}

void WebhooksPage::redeliver()
{
    const qint64 id = currentDeliveryId();
    if (!id)
        return;
    m_api->webhooks().redeliver(id, this, [this](Result<WebhookDelivery> delivery) {
        if (!delivery.ok())
            return showProblem(ErrorMessages::describe(delivery.error()).text());
        m_note->setText(tr("Sent again with the same event id."));
        reloadDeliveries();
    });
}

void WebhooksPage::updateButtons()
{
    const Webhook *hook = currentHook();
    m_toggle->setEnabled(hook);
    m_toggle->setText(hook && !hook->active ? tr("&Enable") : tr("&Disable"));
    m_ping->setEnabled(hook && hook->active);
    m_delete->setEnabled(hook);
    m_refresh->setEnabled(hook);
    m_redeliver->setEnabled(hook && hook->active && currentDeliveryId() != 0);
}

const Webhook *WebhooksPage::currentHook() const
{
    const QList<QTableWidgetItem *> selected = m_hooks->selectedItems();
    if (selected.isEmpty())
        return nullptr;
    const int row = selected.first()->row();
    return row < m_list.size() ? &m_list[row] : nullptr;
}

qint64 WebhooksPage::currentDeliveryId() const
{
    const QList<QTableWidgetItem *> selected = m_deliveries->selectedItems();
    return selected.isEmpty() ? 0 : selected.first()->data(Qt::UserRole).toLongLong();
}

void WebhooksPage::showProblem(const QString &text)
{
    m_note->setText(text);
}

} // namespace ddd::app
