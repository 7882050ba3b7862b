// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableView;

namespace ddd::app {

class DashboardActions;
class LoadMoreButton;
class ProjectTableModel;

// The project list. A folder or archive dropped on a row deploys to that
// project; dropped elsewhere on the list, to the selected one.
class ProjectsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProjectsPage)

public:
    ProjectsPage(ProjectTableModel *model, const DashboardActions &actions, QWidget *parent = nullptr);

    qint64 currentProjectId() const;
    void selectProject(qint64 projectId);
    QTableView *table() const { return m_table; }
    // "Load more projects" below the list, shown while the agent has more.
    LoadMoreButton *moreButton() const { return m_more; }

signals:
    void currentProjectChanged(qint64 projectId); // 0: none
    void deployRequested(qint64 projectId, const QString &path); // 0: dropped beside every project

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updatePlaceholder();
    bool handleDrop(QEvent *event);

    ProjectTableModel *m_model;
    QTableView *m_table;
    QLabel *m_placeholder;
    LoadMoreButton *m_more;
    QStackedWidget *m_stack;
};

} // namespace ddd::app
