// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/dashboardactions.h"

#include <QAction>
#include <QApplication>
#include <QStyle>

namespace ddd::app {

namespace {

QIcon standardIcon(QStyle::StandardPixmap pixmap)
{
    return QApplication::style()->standardIcon(pixmap);
}

} // namespace

DashboardActions::DashboardActions(QObject *parent) : QObject(parent)
{
    createAgentActions();
    createProjectActions();
    createVersionActions();
    createViewActions();
}

void DashboardActions::createAgentActions()
{
    connectAgent = make(tr("&Connect to Agent…"), u"actionConnectAgent"_qs);
    connectAgent->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    connectAgent->setIcon(standardIcon(QStyle::SP_DriveNetIcon));
    signIn = make(tr("&Log In Again…"), u"actionSignIn"_qs);
    removeAgent = make(tr("&Remove Agent"), u"actionRemoveAgent"_qs);
    agentStatus = make(tr("Agent &Status…"), u"actionAgentStatus"_qs);
    quit = make(tr("&Quit"), u"actionQuit"_qs);
    quit->setShortcut(QKeySequence::Quit);
}

void DashboardActions::createProjectActions()
{
    newProject = make(tr("&New Project…"), u"actionNewProject"_qs);
    newProject->setShortcut(QKeySequence::New);
    newProject->setIcon(standardIcon(QStyle::SP_FileDialogNewFolder));
    deleteProject = make(tr("&Delete Project…"), u"actionDeleteProject"_qs);
    refresh = make(tr("&Refresh"), u"actionRefresh"_qs);
    refresh->setShortcuts({QKeySequence::Refresh, QKeySequence(tr("Ctrl+R"))});
    refresh->setIcon(standardIcon(QStyle::SP_BrowserReload));
    deployFolder = make(tr("Deploy &Folder…"), u"actionDeployFolder"_qs);
    deployFolder->setShortcut(QKeySequence(tr("Ctrl+D")));
    deployFolder->setIcon(standardIcon(QStyle::SP_DirIcon));
    deployArchive = make(tr("Deploy &Archive…"), u"actionDeployArchive"_qs);
    deployArchive->setShortcut(QKeySequence(tr("Ctrl+Shift+D")));
}

void DashboardActions::createVersionActions()
{
    goLive = make(tr("&Go Live"), u"actionGoLive"_qs);
    goLive->setShortcut(QKeySequence(tr("Ctrl+Return")));
    goLive->setIcon(standardIcon(QStyle::SP_MediaPlay));
    rollBack = make(tr("&Roll Back"), u"actionRollBack"_qs);
    rollBack->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    rollBack->setIcon(standardIcon(QStyle::SP_MediaSeekBackward));
    togglePin = make(tr("&Pin"), u"actionTogglePin"_qs);
    togglePin->setShortcut(QKeySequence(tr("Ctrl+P")));
    deleteVersion = make(tr("&Delete Version…"), u"actionDeleteVersion"_qs);
    deleteVersion->setIcon(standardIcon(QStyle::SP_TrashIcon));
    deleteVersion->setShortcut(QKeySequence::Delete); // asks before anything is deleted
    openSite = make(tr("&Open Site"), u"actionOpenSite"_qs);
    openSite->setShortcut(QKeySequence(tr("Ctrl+O")));
    copySiteUrl = make(tr("&Copy Site Address"), u"actionCopySiteUrl"_qs);
    copySiteUrl->setShortcut(QKeySequence(tr("Ctrl+Shift+C")));
    openPreview = make(tr("Open Pre&view"), u"actionOpenPreview"_qs);
    openPreview->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    openPreview->setToolTip(tr("Open the selected version at its own address, before or after it goes live"));
    copyPreviewUrl = make(tr("Copy Preview &Address"), u"actionCopyPreviewUrl"_qs);
    copyPreviewUrl->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    versionActivity = make(tr("Version &History"), u"actionVersionActivity"_qs);
    versionActivity->setShortcut(QKeySequence(tr("Ctrl+Shift+H")));
    versionActivity->setToolTip(tr("Show who deployed, activated, pinned or deleted the selected version, and when"));
}

void DashboardActions::createViewActions()
{
    showVersions = make(tr("&Versions"), u"actionShowVersions"_qs);
    showVersions->setShortcut(QKeySequence(tr("Ctrl+1")));
    showBuilds = make(tr("&Builds"), u"actionShowBuilds"_qs);
    showBuilds->setShortcut(QKeySequence(tr("Ctrl+2")));
    showSettings = make(tr("Project &Settings"), u"actionShowSettings"_qs);
    showSettings->setShortcut(QKeySequence(tr("Ctrl+3")));
    showActivity = make(tr("&Activity"), u"actionShowActivity"_qs);
    showActivity->setShortcut(QKeySequence(tr("Ctrl+4")));
    resetLayout = make(tr("Reset Window &Layout"), u"actionResetLayout"_qs);
    about = make(tr("&About DragDropDeploy"), u"actionAbout"_qs);
}

QAction *DashboardActions::make(const QString &text, const QString &objectName)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    return action;
}

} // namespace ddd::app
