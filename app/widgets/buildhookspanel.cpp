// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/widgets/buildhookspanel.h"

#include "app/displayformat.h"
#include "app/errormessages.h"
#include "core/client/apiclient.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ddd::app {

using core::Result;
using core::Status;
using core::client::BuildHook;

BuildHooksPanel::BuildHooksPanel(QWidget *parent)
    : QGroupBox(tr("Build hooks"), parent),
      m_list(new QListWidget(this)),
      m_name(new QLineEdit(this)),
      m_create(new QPushButton(tr("Create &Hook"), this)),
      m_revoke(new QPushButton(tr("Re&voke"), this)),
      m_url(new QLineEdit(this)),
      m_copy(new QPushButton(tr("Cop&y"), this)),
      m_note(new QLabel(this))
{
    setObjectName(u"buildHooksPanel"_qs);
    m_list->setObjectName(u"buildHooksList"_qs);
    m_list->setMaximumHeight(90);
    m_name->setObjectName(u"buildHookName"_qs);
    m_name->setPlaceholderText(tr("Name, e.g. CMS or CI"));
    m_create->setObjectName(u"buildHookCreate"_qs);
    m_revoke->setObjectName(u"buildHookRevoke"_qs);
    m_url->setObjectName(u"buildHookUrl"_qs);
    m_url->setReadOnly(true);
    m_copy->setObjectName(u"buildHookCopy"_qs);
    m_note->setObjectName(u"buildHookNote"_qs);
    m_note->setWordWrap(true);
    auto *help = new QLabel(tr("A POST to a hook's address rebuilds the newest source, without a token. "
                               "Anyone who knows the address can start builds."), this);
    help->setWordWrap(true);
    auto *entry = new QHBoxLayout;
    entry->addWidget(m_name, 1);
    entry->addWidget(m_create);
    entry->addWidget(m_revoke);
    auto *shown = new QHBoxLayout;
    shown->addWidget(m_url, 1);
    shown->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(help);
    layout->addWidget(m_list);
    layout->addLayout(entry);
    layout->addLayout(shown);
    layout->addWidget(m_note);
    m_url->hide();
    m_copy->hide();
    connect(m_create, &QPushButton::clicked, this, &BuildHooksPanel::create);
    connect(m_name, &QLineEdit::returnPressed, this, &BuildHooksPanel::create);
    connect(m_revoke, &QPushButton::clicked, this, &BuildHooksPanel::revoke);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_url->text()); });
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) { m_revoke->setEnabled(row >= 0); });
    setProject(nullptr, 0);
}

void BuildHooksPanel::setProject(core::client::ApiClient *api, qint64 projectId)
{
    m_api = api;
    m_projectId = api ? projectId : 0;
    m_url->clear();
    m_url->hide();
    m_copy->hide();
    m_note->clear();
    reload();
}

void BuildHooksPanel::reload()
{
    m_list->clear();
    m_revoke->setEnabled(false);
    setEnabled(m_projectId != 0);
    if (!m_projectId)
        return;
    const qint64 projectId = m_projectId;
    m_api->builds().listBuildHooks(projectId, this, [this, projectId](Result<QList<BuildHook>> hooks) {
        if (projectId != m_projectId)
            return;
        if (!hooks.ok())
            return showProblem(ErrorMessages::describe(hooks.error()).text());
        m_list->clear();
        for (const BuildHook &hook : *hooks) {
            const QString used = hook.lastUsedAt ? tr("last used %1").arg(DisplayFormat::time(*hook.lastUsedAt))
                                                 : tr("never used");
            auto *item = new QListWidgetItem(tr("%1 (%2)").arg(hook.name, used), m_list);
            item->setData(Qt::UserRole, hook.id);
        }
    });
}

void BuildHooksPanel::create()
{
    const QString name = m_name->text().trimmed();
    if (!m_projectId || name.isEmpty())
        return;
    m_api->builds().createBuildHook(m_projectId, name, this, [this](Result<BuildHook> hook) {
        if (!hook.ok())
            return showProblem(ErrorMessages::describe(hook.error()).text());
        m_name->clear();
        m_url->setText(hook->url.toString());
        m_url->show();
        m_copy->show();
        m_note->setText(tr("Copy this address now: it is not shown again."));
        reload();
    });
}

void BuildHooksPanel::revoke()
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item || !m_projectId)
        return;
    m_api->builds().revokeBuildHook(item->data(Qt::UserRole).toLongLong(), this, [this](Status status) {
        if (!status.ok())
            return showProblem(ErrorMessages::describe(status.error()).text());
        m_url->clear();
        m_url->hide();
        m_copy->hide();
        m_note->setText(tr("The hook is revoked; calls to its address are refused from now on."));
        reload();
    });
}

void BuildHooksPanel::showProblem(const QString &text)
{
    m_note->setText(text);
}

} // namespace ddd::app
