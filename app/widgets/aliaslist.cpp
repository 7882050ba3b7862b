// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/widgets/aliaslist.h"

#include <QGridLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

namespace ddd::app {

AliasList::AliasList(QWidget *parent)
    : QWidget(parent),
      m_list(new QListWidget(this)),
      m_entry(new QLineEdit(this)),
      m_add(new QPushButton(tr("Add A&lias"), this)),
      m_remove(new QPushButton(tr("Remove Alias"), this))
{
    setObjectName(u"aliasList"_qs);
    m_list->setObjectName(u"aliasItems"_qs);
    m_entry->setObjectName(u"aliasEntry"_qs);
    m_entry->setPlaceholderText(tr("example.com (redirects to the domain)"));
    m_add->setObjectName(u"aliasAdd"_qs);
    m_remove->setObjectName(u"aliasRemove"_qs);
    // Two rows show that there are aliases; the list scrolls past them.
    m_list->setMaximumHeight((m_list->fontMetrics().height() + 4) * 2 + 8);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 0, 0, 2, 1);
    layout->addWidget(m_remove, 0, 1, Qt::AlignTop);
    layout->addWidget(m_entry, 2, 0);
    layout->addWidget(m_add, 2, 1);
    connect(m_add, &QPushButton::clicked, this, &AliasList::add);
    connect(m_entry, &QLineEdit::returnPressed, this, &AliasList::add);
    connect(m_remove, &QPushButton::clicked, this, &AliasList::remove);
    connect(m_entry, &QLineEdit::textChanged, this, &AliasList::updateButtons);
    connect(m_list, &QListWidget::currentRowChanged, this, &AliasList::updateButtons);
    updateButtons();
}

void AliasList::setAliases(const QStringList &aliases)
{
    m_list->clear();
    m_list->addItems(aliases);
    m_entry->clear();
    updateButtons();
}

QStringList AliasList::aliases() const
{
    QStringList aliases;
    for (int i = 0; i < m_list->count(); ++i)
        aliases.append(m_list->item(i)->text());
    return aliases;
}

void AliasList::add()
{
    const QString alias = m_entry->text().trimmed().toLower();
    if (alias.isEmpty() || aliases().contains(alias))
        return;
    m_list->addItem(alias);
    m_entry->clear();
    updateButtons();
    emit changed();
}

void AliasList::remove()
{
    delete m_list->currentItem();
    updateButtons();
    emit changed();
}

void AliasList::updateButtons()
{
    const QString alias = m_entry->text().trimmed().toLower();
    m_add->setEnabled(!alias.isEmpty() && !aliases().contains(alias));
    m_remove->setEnabled(m_list->currentItem() != nullptr);
}

} // namespace ddd::app
