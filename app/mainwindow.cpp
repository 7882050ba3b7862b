// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/mainwindow.h"

#include "app/agentconnection.h"
#include "app/agentview.h"
#include "app/appsettings.h"
#include "app/completionnotices.h"
#include "core/credentials/credentialstore.h"
#include "app/dashboardactions.h"
#include "app/dialogs/confirmbox.h"
#include "app/dialogs/agentstatusdialog.h"
#include "app/dialogs/connectdialog.h"
#include "app/traynotifier.h"
#include "app/versioncommands.h"
#include "app/widgets/droparea.h"
#include "app/widgets/messagebar.h"
#include "core/client/remoteproject.h"
#include "core/model/version.h"

#include <QAction>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ddd::app {

MainWindow::MainWindow(AppSettings &settings, CredentialStore &credentials, QWidget *parent)
    : QMainWindow(parent),
      m_settings(settings),
      m_credentials(credentials),
      m_actions(new DashboardActions(this)),
      m_banner(new MessageBar(this)),
      m_stack(new QStackedWidget(this)),
      m_agents(new QTabWidget(this)),
      m_tray(new TrayNotifier(this)),
      m_notices(std::make_unique<CompletionNotices>(*this, *m_tray))
{
    setObjectName(u"mainWindow"_qs);
    setWindowTitle(tr("DragDropDeploy"));
    setAcceptDrops(true);
    m_banner->setObjectName(u"credentialBanner"_qs);
    m_agents->setObjectName(u"agentTabs"_qs);
    m_agents->setDocumentMode(true);
    m_stack->addWidget(buildWelcomePage());
    m_stack->addWidget(m_agents);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    buildMenus();
    connectActions();
    statusBar()->showMessage(tr("Drop a site folder or archive onto a project to deploy it."));
    // The default size shows every column of the projects and versions tables.
    resize(1180, 720);
    restoreGeometry(m_settings.value(AppSettings::Key::WindowGeometry).toByteArray());
    restoreState(m_settings.value(AppSettings::Key::WindowState).toByteArray());
    connect(&m_credentials, &CredentialStore::fallbackActivated, this, &MainWindow::showCredentialFallback);
    connect(m_agents, &QTabWidget::currentChanged, this, &MainWindow::updateActions);
    updateActions();
}

MainWindow::~MainWindow() = default;

QWidget *MainWindow::buildWelcomePage()
{
    auto *page = new QWidget(this);
    page->setObjectName(u"welcomePage"_qs);
    auto *title = new QLabel(tr("<h2>Deploy static sites by drag and drop</h2>"
                                "<p>Connect to a DragDropDeploy agent to see its projects.</p>"), page);
    title->setAlignment(Qt::AlignCenter);
    auto *button = new QPushButton(m_actions->connectAgent->icon(), tr("Connect to an Agent…"), page);
    button->setObjectName(u"welcomeConnect"_qs);
    connect(button, &QPushButton::clicked, m_actions->connectAgent, &QAction::trigger);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch();
    layout->addWidget(title);
    layout->addWidget(button, 0, Qt::AlignHCenter);
    layout->addStretch();
    return page;
}

void MainWindow::buildMenus()
{
    const DashboardActions &a = *m_actions;
    QMenu *agent = menuBar()->addMenu(tr("&Agent"));
    agent->addActions({a.connectAgent, a.signIn, a.removeAgent, a.agentStatus});
    agent->addSeparator();
    agent->addAction(a.quit);
    QMenu *project = menuBar()->addMenu(tr("&Project"));
    project->addActions({a.newProject, a.deployFolder, a.deployArchive, a.refresh});
    project->addSeparator();
    project->addAction(a.deleteProject);
    QMenu *version = menuBar()->addMenu(tr("&Version"));
    version->addActions({a.goLive, a.rollBack, a.togglePin, a.deleteVersion});
    version->addSeparator();
    version->addActions({a.openSite, a.copySiteUrl, a.openPreview, a.copyPreviewUrl});
    version->addSeparator();
    version->addAction(a.versionActivity);
    QMenu *view = menuBar()->addMenu(tr("V&iew"));
    view->addActions({a.showVersions, a.showBuilds, a.showSettings, a.showActivity});
    view->addSeparator();
    view->addAction(a.resetLayout);
    menuBar()->addMenu(tr("&Help"))->addAction(a.about);
}

void MainWindow::connectActions()
{
    const DashboardActions &a = *m_actions;
    auto onView = [this](auto method) {
        return [this, method] {
            if (AgentView *view = currentAgentView())
                method(*view);
        };
    };
    connect(a.connectAgent, &QAction::triggered, this, [this] { openConnectDialog(); });
    connect(a.signIn, &QAction::triggered, this, onView([this](AgentView &v) { openConnectDialog(&v.connection()); }));
    connect(a.removeAgent, &QAction::triggered, this, &MainWindow::removeCurrentAgent);
    connect(a.agentStatus, &QAction::triggered, this, onView([this](AgentView &v) {
        auto *dialog = new AgentStatusDialog(v.connection().api(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    }));
    connect(a.quit, &QAction::triggered, this, &QWidget::close);
    connect(a.newProject, &QAction::triggered, this, onView([](AgentView &v) { v.newProject(); }));
    connect(a.deleteProject, &QAction::triggered, this, onView([](AgentView &v) { v.deleteProject(); }));
    connect(a.refresh, &QAction::triggered, this, onView([](AgentView &v) { v.refresh(); }));
    connect(a.deployFolder, &QAction::triggered, this, onView([](AgentView &v) { v.chooseAndDeploy(false); }));
    connect(a.deployArchive, &QAction::triggered, this, onView([](AgentView &v) { v.chooseAndDeploy(true); }));
    connect(a.goLive, &QAction::triggered, this, onView([](AgentView &v) { v.versionCommands().goLive(); }));
    connect(a.rollBack, &QAction::triggered, this, onView([](AgentView &v) { v.versionCommands().rollBack(); }));
    connect(a.togglePin, &QAction::triggered, this, onView([](AgentView &v) { v.versionCommands().togglePin(); }));
    connect(a.deleteVersion, &QAction::triggered, this, onView([](AgentView &v) { v.versionCommands().deleteVersion(); }));
    connect(a.openSite, &QAction::triggered, this, onView([](AgentView &v) { v.versionCommands().openSite(); }));
    connect(a.copySiteUrl, &QAction::triggered, this, onView([](AgentView &v) { v.versionCommands().copySiteUrl(); }));
    connect(a.openPreview, &QAction::triggered, this, onView([](AgentView &v) { v.versionCommands().openPreview(); }));
    connect(a.copyPreviewUrl, &QAction::triggered, this,
            onView([](AgentView &v) { v.versionCommands().copyPreviewUrl(); }));
    connect(a.showVersions, &QAction::triggered, this, onView([](AgentView &v) { v.showTab(AgentView::VersionsTab); }));
    connect(a.showBuilds, &QAction::triggered, this, onView([](AgentView &v) { v.showTab(AgentView::BuildsTab); }));
    connect(a.showSettings, &QAction::triggered, this, onView([](AgentView &v) { v.showTab(AgentView::SettingsTab); }));
    connect(a.showActivity, &QAction::triggered, this, onView([](AgentView &v) { v.showTab(AgentView::ActivityTab); }));
    connect(a.versionActivity, &QAction::triggered, this, onView([](AgentView &v) { v.showVersionActivity(); }));
    connect(a.resetLayout, &QAction::triggered, this, [this] {
        m_settings.resetScope(AppSettings::Scope::Layout);
        statusBar()->showMessage(tr("The window layout resets the next time DragDropDeploy starts."), 5000);
    });
    connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::updateActions()
{
    const DashboardActions &a = *m_actions;
    AgentView *view = currentAgentView();
    const bool signedIn = view && view->connection().state() == AgentConnection::State::SignedIn;
    const auto *project = signedIn ? view->currentProject() : nullptr;
    const auto *version = project ? view->currentVersion() : nullptr;
    m_stack->setCurrentIndex(m_agents->count() > 0 ? 1 : 0);
    a.signIn->setEnabled(view != nullptr);
    a.removeAgent->setEnabled(view != nullptr);
    // Hidden, not disabled: only an operator may ask (403 otherwise).
    a.agentStatus->setVisible(signedIn && view->connection().account().role == core::model::Role::Operator);
    a.newProject->setEnabled(signedIn);
    a.refresh->setEnabled(signedIn);
    for (QAction *action : {a.deleteProject, a.deployFolder, a.deployArchive, a.showVersions, a.showBuilds, a.showSettings,
                             a.showActivity})
        action->setEnabled(project != nullptr);
    a.goLive->setEnabled(version && core::model::isActivatable(version->status));
    a.rollBack->setEnabled(project && view->canRollBack());
    a.togglePin->setEnabled(version != nullptr);
    a.versionActivity->setEnabled(version != nullptr);
    a.togglePin->setText(version && version->pinned ? tr("Un&pin") : tr("&Pin"));
    a.deleteVersion->setEnabled(version && version->status != core::model::VersionStatus::Live);
    a.openSite->setEnabled(project && !project->siteHost().isEmpty());
    a.copySiteUrl->setEnabled(project && !project->siteHost().isEmpty());
    a.openPreview->setEnabled(version && !version->previewUrl.isEmpty());
    a.copyPreviewUrl->setEnabled(version && !version->previewUrl.isEmpty());
}

AgentView *MainWindow::currentAgentView() const
{
    return qobject_cast<AgentView *>(m_agents->currentWidget());
}

void MainWindow::restoreAgents()
{
    const QString current = m_settings.value(AppSettings::Key::CurrentAgent).toString();
    for (const AgentProfile &profile : m_settings.agents()) {
        AgentView *view = addAgent(new AgentConnection(profile, m_credentials));
        if (profile.id == current)
            m_agents->setCurrentWidget(view);
        view->restoreSession();
    }
    updateActions();
}

void MainWindow::setNotifier(Notifier &notifier, qint64 minimumMs)
{
    m_notices = std::make_unique<CompletionNotices>(*this, notifier, minimumMs);
    for (int i = 0; i < m_agents->count(); ++i)
        if (auto *view = qobject_cast<AgentView *>(m_agents->widget(i)))
            view->setCompletionNotices(m_notices.get());
}

AgentView *MainWindow::addAgent(AgentConnection *connection)
{
    auto *view = new AgentView(connection, m_settings, *m_actions, m_agents);
    view->setCompletionNotices(m_notices.get());
    const int index = m_agents->addTab(view, connection->profile().label());
    m_agents->setTabToolTip(index, connection->profile().url.toString());
    connect(view, &AgentView::selectionChanged, this, &MainWindow::updateActions);
    connect(view, &AgentView::signInRequested, this, [this, view] { openConnectDialog(&view->connection()); });
    m_agents->setCurrentIndex(index);
    updateActions();
    return view;
}

void MainWindow::openConnectDialog(AgentConnection *existing)
{
    auto *dialog = new ConnectDialog(m_credentials, existing, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, existing] {
        if (!existing)
            addAgent(dialog->connection());
        saveProfiles();
    });
    dialog->open();
}

void MainWindow::removeCurrentAgent()
{
    AgentView *view = currentAgentView();
    if (!view)
        return;
    ConfirmBox::ask(this, tr("Remove Agent"),
                    tr("Remove %1 from the dashboard and forget its token on this computer? "
                       "Sites on the agent are not touched.").arg(view->connection().profile().label()),
                    tr("&Remove Agent"), [this, view] {
                        view->connection().signOut([](const core::Status &) {});
                        m_agents->removeTab(m_agents->indexOf(view));
                        view->deleteLater();
                        saveProfiles();
                        updateActions();
                    });
}

void MainWindow::saveProfiles()
{
    QList<AgentProfile> profiles;
    for (int i = 0; i < m_agents->count(); ++i)
        if (auto *view = qobject_cast<AgentView *>(m_agents->widget(i)))
            profiles.append(view->connection().profile());
    m_settings.setAgents(profiles);
}

void MainWindow::saveLayout()
{
    m_settings.setValue(AppSettings::Key::WindowGeometry, saveGeometry());
    m_settings.setValue(AppSettings::Key::WindowState, saveState());
    if (AgentView *view = currentAgentView()) {
        view->saveLayout();
        m_settings.setValue(AppSettings::Key::CurrentAgent, view->connection().profile().id);
    }
    m_settings.sync();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveProfiles();
    saveLayout();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (currentAgentView() && !DropArea::deployablePath(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = DropArea::deployablePath(event->mimeData());
    AgentView *view = currentAgentView();
    if (path.isEmpty() || !view)
        return;
    event->acceptProposedAction();
    view->deploy(view->currentProject() ? view->currentProject()->id : 0, path);
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("About DragDropDeploy"),
                                tr("<p><b>DragDropDeploy %1</b></p><p>Deploy static sites to your own server by "
                                   "dropping a folder or an archive.</p>").arg(QStringLiteral(DDD_VERSION)),
                                QMessageBox::Close, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showCredentialFallback()
{
    m_banner->showMessage(StatusPalette::Level::Warning,
                          tr("No system keychain is running, so agent tokens are kept in %1, readable only by you. "
                             "Start a keychain service (such as GNOME Keyring or KWallet) to keep them there instead.")
                              .arg(m_credentials.fallbackPath()));
}

} // namespace ddd::app
