// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/pages/projectspage.h"

#include "app/dashboardactions.h"
#include "app/models/projecttablemodel.h"
#include "app/widgets/droparea.h"
#include "app/widgets/loadmorebutton.h"

#include <QDropEvent>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace ddd::app {

ProjectsPage::ProjectsPage(ProjectTableModel *model, const DashboardActions &actions, QWidget *parent)
    : QWidget(parent),
      m_model(model),
      m_table(new QTableView(this)),
      m_placeholder(new QLabel(this)),
      m_more(new LoadMoreButton(tr("Load More Projects"), this)),
      m_stack(new QStackedWidget(this))
{
    setObjectName(u"projectsPage"_qs);
    m_more->setObjectName(u"moreProjectsButton"_qs);
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addActions({actions.newProject, actions.deployFolder, actions.refresh});

    m_table->setObjectName(u"projectsTable"_qs);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setAcceptDrops(true);
    m_table->viewport()->setAcceptDrops(true);
    m_table->viewport()->installEventFilter(this);

    m_placeholder->setObjectName(u"projectsPlaceholder"_qs);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setText(tr("No projects yet.\nCreate one with Project ▸ New Project (%1).")
                               .arg(actions.newProject->shortcut().toString(QKeySequence::NativeText)));
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_placeholder);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(m_stack);
    layout->addWidget(m_more);

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { emit currentProjectChanged(currentProjectId()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProjectsPage::updatePlaceholder);
    updatePlaceholder();
}

qint64 ProjectsPage::currentProjectId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? current.data(ProjectTableModel::ProjectIdRole).toLongLong() : 0;
}

void ProjectsPage::selectProject(qint64 projectId)
{
    const int row = m_model->rowOf(projectId);
    if (row < 0)
        return;
    m_table->selectionModel()->setCurrentIndex(m_model->index(row, 0),
                                               QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

bool ProjectsPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_table->viewport())
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (DropArea::deployablePath(drag->mimeData()).isEmpty())
            return false;
        const QModelIndex over = m_table->indexAt(drag->position().toPoint());
        if (over.isValid())
            m_table->selectionModel()->setCurrentIndex(over, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        drag->acceptProposedAction();
        return true;
    }
    case QEvent::Drop: return handleDrop(event);
    default: return false;
    }
}

bool ProjectsPage::handleDrop(QEvent *event)
{
    auto *drop = static_cast<QDropEvent *>(event);
    const QString path = DropArea::deployablePath(drop->mimeData());
    if (path.isEmpty())
        return false;
    const QModelIndex over = m_table->indexAt(drop->position().toPoint());
    const qint64 projectId = over.isValid() ? over.data(ProjectTableModel::ProjectIdRole).toLongLong() : currentProjectId();
    drop->acceptProposedAction();
    emit deployRequested(projectId, path);
    return true;
}

void ProjectsPage::updatePlaceholder()
{
    m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_table) : m_placeholder);
}

} // namespace ddd::app
