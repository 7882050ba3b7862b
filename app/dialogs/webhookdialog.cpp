// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/dialogs/webhookdialog.h"

#include "core/model/webhook.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace ddd::app {

namespace {

QString eventLabel(const QString &event)
{
    if (event == u"deploy.created"_qs)
        return WebhookDialog::tr("A version was deployed (deploy.created)");
    if (event == u"build.finished"_qs)
        return WebhookDialog::tr("A build finished, with its outcome (build.finished)");
    if (event == u"version.activated"_qs)
        return WebhookDialog::tr("A version went live (version.activated)");
    if (event == u"version.rolled_back"_qs)
        return WebhookDialog::tr("The site was rolled back (version.rolled_back)");
    return event;
}

} // namespace

WebhookDialog::WebhookDialog(QWidget *parent)
    : QDialog(parent), m_steps(new QStackedWidget(this)), m_url(new QLineEdit(this)), m_problem(new QLabel(this)),
      m_secret(new QLineEdit(this)), m_buttons(new QDialogButtonBox(this))
{
    setObjectName(u"webhookDialog"_qs);
    setWindowTitle(tr("Add Webhook"));
    m_url->setObjectName(u"webhookUrl"_qs);
    m_url->setPlaceholderText(tr("https://example.com/hooks/ddd"));
    m_problem->setObjectName(u"webhookProblem"_qs);
    m_problem->setWordWrap(true);
    auto *form = new QWidget(m_steps);
    auto *formLayout = new QFormLayout(form);
    formLayout->addRow(tr("Receiver &URL:"), m_url);
    auto *events = new QVBoxLayout;
    for (const QString &event : core::model::Webhook::eventTypes()) {
        auto *box = new QCheckBox(eventLabel(event), form);
        box->setObjectName(u"webhookEvent_"_qs + event);
        box->setProperty("event", event);
        box->setChecked(true);
        connect(box, &QCheckBox::toggled, this, &WebhookDialog::updateAddButton);
        m_events.append(box);
        events->addWidget(box);
    }
    formLayout->addRow(tr("Events:"), events);
    formLayout->addRow(m_problem);
    m_steps->addWidget(form);
    m_steps->addWidget(secretPage());
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_steps);
    layout->addWidget(m_buttons);
    QPushButton *add = m_buttons->addButton(tr("&Add"), QDialogButtonBox::AcceptRole);
    add->setObjectName(u"webhookAdd"_qs);
    m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(add, &QPushButton::clicked, this, &WebhookDialog::submitted);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_url, &QLineEdit::textChanged, this, &WebhookDialog::updateAddButton);
    updateAddButton();
}

QWidget *WebhookDialog::secretPage()
{
    auto *page = new QWidget(m_steps);
    m_secret->setObjectName(u"webhookSecret"_qs);
    m_secret->setReadOnly(true);
    auto *copy = new QPushButton(tr("Cop&y"), page);
    copy->setObjectName(u"webhookSecretCopy"_qs);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_secret->text()); });
    auto *note = new QLabel(tr("The webhook is added. This is its signing secret: copy it into your receiver now, "
                               "it is not shown again. Each delivery carries X-DDD-Signature: "
                               "t=<time>,v1=<HMAC-SHA256 of \"<time>.<body>\" with this secret>."),
                            page);
    note->setWordWrap(true);
    auto *row = new QHBoxLayout;
    row->addWidget(m_secret, 1);
    row->addWidget(copy);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(note);
    layout->addLayout(row);
    layout->addStretch();
    return page;
}

QString WebhookDialog::url() const
{
    return m_url->text().trimmed();
}

QStringList WebhookDialog::events() const
{
    QStringList chosen;
    for (const QCheckBox *box : m_events)
        if (box->isChecked())
            chosen << box->property("event").toString();
    return chosen;
}

void WebhookDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
}

void WebhookDialog::showSecret(const QString &secret)
{
    m_secret->setText(secret);
    m_secret->setCursorPosition(0);
    m_secret->setMinimumWidth(m_secret->fontMetrics().horizontalAdvance(secret) + 16);
    m_steps->setCurrentIndex(1);
    m_buttons->clear();
    QPushButton *close = m_buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(u"webhookClose"_qs);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
}

QString WebhookDialog::shownSecret() const
{
    return m_secret->text();
}

void WebhookDialog::updateAddButton()
{
    const QList<QAbstractButton *> buttons = m_buttons->buttons();
    for (QAbstractButton *button : buttons)
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(!url().isEmpty() && !events().isEmpty());
}

} // namespace ddd::app
