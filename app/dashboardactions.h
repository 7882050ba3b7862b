// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

class QAction;

namespace ddd::app {

// Every command of the dashboard, created once with its text, shortcut and
// icon, so a menu entry and a toolbar button are the same QAction and are
// enabled together. The main window owns it and decides what they do.
class DashboardActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardActions)

public:
    explicit DashboardActions(QObject *parent);

    QAction *connectAgent;
    QAction *signIn;
    QAction *removeAgent;
    QAction *agentStatus; // operators only
    QAction *quit;
    QAction *newProject;
    QAction *deleteProject;
    QAction *refresh;
    QAction *deployFolder;
    QAction *deployArchive;
    QAction *goLive;
    QAction *rollBack;
    QAction *togglePin;
    QAction *deleteVersion;
    QAction *openSite;
    QAction *copySiteUrl;
    QAction *openPreview;
    QAction *copyPreviewUrl;
    QAction *versionActivity;
    QAction *showVersions;
    QAction *showBuilds;
    QAction *showSettings;
    QAction *showActivity;
    QAction *resetLayout;
    QAction *about;

private:
    void createAgentActions();
    void createProjectActions();
    void createVersionActions();
    void createViewActions();
    QAction *make(const QString &text, const QString &objectName);
};

} // namespace ddd::app
