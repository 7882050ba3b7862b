// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/pendinguploads.h"
#include "core/client/projectpatch.h"
#include "core/util/error.h"

#include <QWidget>

class QLabel;
class QSplitter;
class QTabWidget;

namespace ddd::core::client {
struct RemoteBuild;
struct RemoteProject;
}
namespace ddd::core::model {
struct Version;
}

namespace ddd::app {

class ActivityCommands;
class ActivityPage;
class WebhooksPage;
class ActivityTableModel;
class AgentConnection;
class AppSettings;
class BuildCommands;
class CompletionNotices;
class BuildLogPage;
class BuildTableModel;
class DashboardActions;
class MessageBar;
class ProjectTableModel;
class ProjectsPage;
class SettingsPage;
class VersionCommands;
class VersionTableModel;
class VersionsPage;

// Everything about one agent in one tab: its projects on the left; the
// selected project's versions, builds and settings on the right. Every call
// to the agent runs asynchronously; answers land in the models and errors in
// the message bar, each with what to do next.
class AgentView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentView)

public:
    enum Tab { VersionsTab, BuildsTab, SettingsTab, ActivityTab };

    AgentView(AgentConnection *connection, AppSettings &settings, const DashboardActions &actions,
              QWidget *parent = nullptr);
    ~AgentView() override;

    AgentConnection &connection() { return *m_connection; }
    const core::client::RemoteProject *currentProject() const;
    const core::model::Version *currentVersion() const;
    bool canRollBack() const;
    MessageBar &messages() { return *m_messages; }

    void restoreSession();
    // Reloads projects and their versions; `selectProjectId` picks a row afterwards.
    void refresh(qint64 selectProjectId = 0);
    void newProject();
    void deleteProject();
    void deploy(qint64 projectId, const QString &path);
    void chooseAndDeploy(bool archive);
    void showTab(Tab tab);
    // The Activity tab, narrowed to the selected version's entries.
    void showVersionActivity();
    void saveLayout();

    VersionCommands &versionCommands() { return *m_versionCommands; }
    // Where the ends of long uploads and builds are announced (MainWindow's).
    void setCompletionNotices(CompletionNotices *notices) { m_notices = notices; }
    BuildCommands &buildCommands() { return *m_buildCommands; }

signals:
    void selectionChanged();
    void signInRequested();

private:
    QWidget *buildLeftSide(const DashboardActions &actions);
    void connectPages();
    void fitColumns();
    void onConnectionStateChanged();
    void onCurrentProjectChanged(qint64 projectId);
    // First pages; the "load more" buttons ask for the next ones.
    void loadVersions(qint64 projectId, qint64 selectVersionId = 0);
    void loadCertificate(qint64 projectId);
    void loadMoreProjects();
    void loadMoreVersions();
    void publishVersionNumbers();
    void showError(const core::Error &error);
    void announceBuildEnd(const core::client::RemoteBuild &build);
    void showDone(const QString &text);
    void offerPendingUploads();
    QUrl currentSiteAddress() const;

    AgentConnection *m_connection;
    AppSettings &m_settings;
    PendingUploads m_pending;
    ProjectTableModel *m_projects;
    VersionTableModel *m_versions;
    BuildTableModel *m_builds;
    MessageBar *m_messages;
    QLabel *m_account;
    QSplitter *m_splitter;
    ProjectsPage *m_projectsPage;
    QTabWidget *m_tabs;
    VersionsPage *m_versionsPage;
    BuildLogPage *m_buildsPage;
    SettingsPage *m_settingsPage;
    ActivityTableModel *m_activity;
    ActivityPage *m_activityPage;
    WebhooksPage *m_webhooksPage;
    ActivityCommands *m_activityCommands;
    VersionCommands *m_versionCommands;
    BuildCommands *m_buildCommands;
    CompletionNotices *m_notices = nullptr;
    QString m_projectsCursor; // where the next page of projects starts
    QString m_versionsCursor; // and of the current project's versions
};

} // namespace ddd::app
