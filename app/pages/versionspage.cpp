// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/pages/versionspage.h"

#include "app/dashboardactions.h"
#include "app/models/versiontablemodel.h"
#include "app/widgets/addresspanel.h"
#include "app/widgets/loadmorebutton.h"

#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace ddd::app {

VersionsPage::VersionsPage(VersionTableModel *model, const DashboardActions &actions, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_title(new QLabel(this)),
      m_addresses(new AddressPanel(this)),
      m_table(new QTableView(this)),
      m_placeholder(new QLabel(this)),
      m_more(new LoadMoreButton(tr("Load Older Versions"), this)),
      m_stack(new QStackedWidget(this))
{
    setObjectName(u"versionsPage"_qs);
    m_more->setObjectName(u"moreVersionsButton"_qs);
    auto *toolbar = new QToolBar(this);
    // Text only: all six commands fit beside the table at the default size.
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addActions({actions.goLive, actions.rollBack, actions.togglePin, actions.deleteVersion});
    toolbar->addSeparator();
    // The live and staging addresses have their buttons in the panel above;
    // copying a preview's address is in the menu and the context menu, so
    // the toolbar fits beside the table at the default window size.
    toolbar->addAction(actions.openPreview);

    m_title->setObjectName(u"versionsTitle"_qs);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_table->setObjectName(u"versionsTable"_qs);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addActions({actions.goLive, actions.togglePin, actions.openPreview, actions.copyPreviewUrl,
                         actions.versionActivity, actions.deleteVersion});

    m_placeholder->setObjectName(u"versionsPlaceholder"_qs);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_placeholder);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_addresses);
    layout->addWidget(m_title);
    layout->addWidget(toolbar);
    layout->addWidget(m_stack);
    layout->addWidget(m_more);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &VersionsPage::currentVersionChanged);
    connect(this, &VersionsPage::currentVersionChanged, this, [this] { m_addresses->setVersion(currentVersion()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updatePlaceholder();
        emit currentVersionChanged();
    });
    updatePlaceholder();
}

const core::model::Version *VersionsPage::currentVersion() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_model->version(current.row()) : nullptr;
}

void VersionsPage::selectVersion(qint64 versionId)
{
    const int row = m_model->rowOf(versionId);
    if (row >= 0)
        m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void VersionsPage::setProjectName(const QString &name)
{
    m_hasProject = !name.isEmpty();
    m_title->setText(m_hasProject ? tr("Versions of %1").arg(name) : tr("Versions"));
    updatePlaceholder();
}

void VersionsPage::updatePlaceholder()
{
    if (m_model->rowCount() > 0)
        return m_stack->setCurrentWidget(m_table);
    m_placeholder->setText(m_hasProject
                               ? tr("No versions yet.\nDrop the site's folder or archive onto the window to deploy it.")
                               : tr("Select a project to see its versions."));
    m_stack->setCurrentWidget(m_placeholder);
}

} // namespace ddd::app
