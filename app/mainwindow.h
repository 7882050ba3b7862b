// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMainWindow>

#include <memory>

class QStackedWidget;
class QTabWidget;

namespace ddd::core::credentials {
class CredentialStore;
}

namespace ddd::app {

class AgentConnection;
class AgentView;
class AppSettings;
class CompletionNotices;
using core::credentials::CredentialStore;
class DashboardActions;
class MessageBar;
class Notifier;
class TrayNotifier;

// The dashboard's window: one tab per agent, side by side; menus and
// shortcuts for the common actions; a folder or archive dropped anywhere
// deploys to the selected project. Layout is remembered in AppSettings.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(AppSettings &settings, CredentialStore &credentials, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a tab for every saved agent and signs in with the stored tokens.
    void restoreAgents();
    AgentView *currentAgentView() const;
    const DashboardActions &actions() const { return *m_actions; }
    void openConnectDialog(AgentConnection *existing = nullptr);
    // Where the ends of long uploads and builds are announced while the
    // window is in the background (the system tray unless replaced; tests
    // pass their own, with `minimumMs` 0). Not owned.
    void setNotifier(Notifier &notifier, qint64 minimumMs);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QWidget *buildWelcomePage();
    void buildMenus();
    void connectActions();
    void updateActions();
    AgentView *addAgent(AgentConnection *connection);
    void removeCurrentAgent();
    void saveProfiles();
    void saveLayout();
    void showAbout();
    void showCredentialFallback();

    AppSettings &m_settings;
    CredentialStore &m_credentials;
    DashboardActions *m_actions;
    MessageBar *m_banner;
    QStackedWidget *m_stack;
    QTabWidget *m_agents;
    TrayNotifier *m_tray;
    std::unique_ptr<CompletionNotices> m_notices;
};

} // namespace ddd::app
