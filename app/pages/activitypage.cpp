// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/pages/activitypage.h"

#include "app/displayformat.h"
#include "app/models/activitytablemodel.h"
#include "app/widgets/loadmorebutton.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace ddd::app {

ActivityPage::ActivityPage(ActivityTableModel *model, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_title(new QLabel(this)),
      m_kind(new QComboBox(this)),
      m_version(new QComboBox(this)),
      m_table(new QTableView(this)),
      m_placeholder(new QLabel(this)),
      m_stack(new QStackedWidget(this)),
      m_more(new LoadMoreButton(tr("Load Older Entries"), this))
{
    setObjectName(u"activityPage"_qs);
    m_title->setObjectName(u"activityTitle"_qs);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_kind->setObjectName(u"activityKindFilter"_qs);
    m_kind->addItem(tr("All events"), QString());
    for (const QString &kind : core::model::ActivityEntry::kinds())
        m_kind->addItem(ActivityTableModel::eventText(kind), kind);
    m_version->setObjectName(u"activityVersionFilter"_qs);
    setVersionNumbers({});
    m_more->setObjectName(u"moreActivityButton"_qs);

    m_table->setObjectName(u"activityTable"_qs);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_placeholder->setObjectName(u"activityPlaceholder"_qs);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_placeholder);

    auto *filters = new QHBoxLayout;
    auto *kindLabel = new QLabel(tr("&Show:"), this);
    kindLabel->setBuddy(m_kind);
    auto *versionLabel = new QLabel(tr("V&ersion:"), this);
    versionLabel->setBuddy(m_version);
    filters->addWidget(kindLabel);
    filters->addWidget(m_kind);
    filters->addWidget(versionLabel);
    filters->addWidget(m_version);
    filters->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(filters);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_more);

    connect(m_kind, &QComboBox::activated, this, &ActivityPage::filterChanged);
    connect(m_version, &QComboBox::activated, this, &ActivityPage::filterChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ActivityPage::updatePlaceholder);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ActivityPage::updatePlaceholder);
    updatePlaceholder();
}

void ActivityPage::setProjectName(const QString &name)
{
    m_hasProject = !name.isEmpty();
    m_title->setText(m_hasProject ? tr("Activity of %1").arg(name) : tr("Activity"));
    m_version->setCurrentIndex(0); // version numbers are the project's own
    updatePlaceholder();
}

void ActivityPage::setVersionNumbers(const QList<qint64> &numbers)
{
    const qint64 chosen = m_version->currentData().toLongLong();
    m_version->clear();
    m_version->addItem(tr("All versions"), qint64(0));
    for (qint64 number : numbers)
        m_version->addItem(DisplayFormat::version(number), number);
    // A version deleted meanwhile stays chosen: its entries are still in the log.
    if (chosen && m_version->findData(chosen) < 0)
        m_version->addItem(DisplayFormat::version(chosen), chosen);
    m_version->setCurrentIndex(std::max(0, m_version->findData(chosen)));
}

void ActivityPage::showVersion(qint64 number)
{
    if (number && m_version->findData(number) < 0)
        m_version->addItem(DisplayFormat::version(number), number);
    m_version->setCurrentIndex(std::max(0, m_version->findData(number)));
    emit filterChanged();
}

core::model::ActivityFilter ActivityPage::filter() const
{
    const qint64 number = m_version->currentData().toLongLong();
    return {m_kind->currentData().toString(), number ? std::optional<qint64>(number) : std::nullopt};
}

void ActivityPage::updatePlaceholder()
{
    if (m_model->rowCount() > 0)
        return m_stack->setCurrentWidget(m_table);
    const auto current = filter();
    m_placeholder->setText(!m_hasProject ? tr("Select a project to see its activity.")
                           : current.kind.isEmpty() && !current.versionNumber
                               ? tr("Nothing has happened to this project yet.")
                               : tr("No entries match the chosen event and version."));
    m_stack->setCurrentWidget(m_placeholder);
}

} // namespace ddd::app
