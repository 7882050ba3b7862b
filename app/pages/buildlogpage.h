// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QStackedWidget;
class QTableView;

namespace ddd::core::client {
struct RemoteBuild;
}

namespace ddd::app {

class BuildLogView;
class BuildTableModel;

// The Builds tab: a project's builds (status, generator, trigger, duration,
// version produced) above the selected build's log, which follows the live
// stream while the build runs. Rebuild, Cancel and Go Live act on the
// selected build, Build from Git on the project; BuildCommands carries them out.
class BuildLogPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BuildLogPage)

public:
    BuildLogPage(BuildTableModel *model, QWidget *parent = nullptr);

    const core::client::RemoteBuild *currentBuild() const;
    void selectBuild(qint64 buildId);
    void setProjectName(const QString &name); // empty: no project selected
    // The line above the log: which build it is and how it stands.
    void setLogTitle(const QString &text);
    QTableView *table() const { return m_table; }
    BuildLogView *logView() const { return m_log; }
    QAction *rebuildAction() const { return m_rebuild; }
    QAction *cancelAction() const { return m_cancel; }
    QAction *goLiveAction() const { return m_goLive; }
    QAction *buildFromGitAction() const { return m_buildFromGit; }
    // The project's saved Git repository; Build from Git is offered only with one.
    void setGitSource(const QString &url, const QString &branch);

signals:
    void currentBuildChanged();
    void rebuildRequested();
    void cancelRequested();
    void goLiveRequested();
    void buildFromGitRequested();

private:
    QWidget *buildListPart();
    void updateActions();
    void updatePlaceholder();

    BuildTableModel *m_model;
    QLabel *m_title;
    QTableView *m_table;
    QLabel *m_placeholder;
    QStackedWidget *m_stack;
    QLabel *m_logTitle;
    BuildLogView *m_log;
    QAction *m_rebuild;
    QAction *m_cancel;
    QAction *m_goLive;
    QAction *m_buildFromGit;
    bool m_hasProject = false;
};

} // namespace ddd::app
