// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/agentview.h"

#include "app/activitycommands.h"
#include "app/addressopener.h"
#include "app/agentconnection.h"
#include "app/appsettings.h"
#include "app/buildcommands.h"
#include "app/completionnotices.h"
#include "app/dashboardactions.h"
#include "app/dialogs/deploydialog.h"
#include "app/dialogs/confirmbox.h"
#include "app/dialogs/projectdialog.h"
#include "app/displayformat.h"
#include "app/errormessages.h"
#include "app/models/activitytablemodel.h"
#include "app/models/buildtablemodel.h"
#include "app/models/projecttablemodel.h"
#include "app/models/versiontablemodel.h"
#include "app/pages/activitypage.h"
#include "app/pages/webhookspage.h"
#include "app/pages/buildlogpage.h"
#include "app/pages/projectspage.h"
#include "app/pages/settingspage.h"
#include "app/pages/versionspage.h"
#include "app/settingscommands.h"
#include "app/siteaddresses.h"
#include "app/versioncommands.h"
#include "app/widgets/addresspanel.h"
#include "app/widgets/buildhookspanel.h"
#include "app/widgets/columnfitter.h"
#include "app/widgets/droparea.h"
#include "app/widgets/loadmorebutton.h"
#include "app/widgets/messagebar.h"
#include "core/client/apiclient.h"

#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ddd::app {

using core::Result;
using core::Status;
using core::client::RemoteProject;
using core::model::Version;

AgentView::AgentView(AgentConnection *connection, AppSettings &settings, const DashboardActions &actions,
                     QWidget *parent)
    : QWidget(parent),
      m_connection(connection),
      m_settings(settings),
      m_pending(settings),
      m_projects(new ProjectTableModel(this)),
      m_versions(new VersionTableModel(this)),
      m_builds(new BuildTableModel(this)),
      m_messages(new MessageBar(this)),
      m_account(new QLabel(this)),
      m_splitter(new QSplitter(this)),
      m_tabs(new QTabWidget(this)),
      m_versionsPage(new VersionsPage(m_versions, actions, this)),
      m_buildsPage(new BuildLogPage(m_builds, this)),
      m_settingsPage(new SettingsPage(this)),
      m_activity(new ActivityTableModel(this)),
      m_activityPage(new ActivityPage(m_activity, this)),
      m_webhooksPage(new WebhooksPage(this))
{
    setObjectName(u"agentView"_qs);
    m_connection->setParent(this);
    m_account->setObjectName(u"accountLabel"_qs);
    m_messages->setKeepsPlace(true); // messages coming and going never move the page
    m_tabs->setObjectName(u"projectTabs"_qs);
    m_tabs->addTab(m_versionsPage, tr("Versions"));
    m_tabs->addTab(m_buildsPage, tr("Builds"));
    m_tabs->addTab(m_settingsPage, tr("Settings"));
    m_tabs->addTab(m_activityPage, tr("Activity"));
    m_tabs->addTab(m_webhooksPage, tr("Webhooks"));
    m_splitter->addWidget(buildLeftSide(actions));
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(1, 1);
    if (!m_splitter->restoreState(m_settings.value(AppSettings::Key::AgentSplitter).toByteArray()))
        m_splitter->setSizes({500, 680}); // the versions table has the more columns

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_account);
    layout->addWidget(m_messages);
    layout->addWidget(m_splitter, 1);

    connect(m_connection, &AgentConnection::stateChanged, this, &AgentView::onConnectionStateChanged);
    connect(m_connection, &AgentConnection::signInNeeded, this, [this] {
        m_messages->showError(ErrorMessages::describe(core::Error::make(u"auth.invalid_token"_qs, {})));
        m_messages->setAction(tr("Log In…"), [this] { emit signInRequested(); });
    });
    connectPages();
    fitColumns();
    m_versionCommands = new VersionCommands(
        *m_connection, *m_messages,
        {[this] { return currentProject(); }, [this] { return currentVersion(); },
         [this] { return currentSiteAddress(); },
         [this](qint64 projectId, qint64 versionId) { loadVersions(projectId, versionId); }},
        this);
    m_buildCommands = new BuildCommands(
        *m_connection, *m_messages, *m_builds, *m_buildsPage,
        [this](qint64 projectId, qint64 versionId) { loadVersions(projectId, versionId); }, this);
    connect(m_buildCommands, &BuildCommands::buildEnded, this, [this](const core::client::RemoteBuild &build) {
        announceBuildEnd(build);
    });
    m_activityCommands = new ActivityCommands(
        *m_connection, *m_activity, *m_activityPage, [this](const core::Error &error) { showError(error); }, this);
    new SettingsCommands(*m_connection, *m_messages, *m_settingsPage,
                         {[this] { return currentProject(); }, [this](qint64 select) { refresh(select); },
                          [this](const core::Error &error) { showError(error); }},
                         this);
    onConnectionStateChanged();
}

AgentView::~AgentView() = default;

// Every column in view at the default size; long e-mails and addresses give way first.
void AgentView::fitColumns()
{
    new ColumnFitter(m_projectsPage->table(), {ProjectTableModel::Name, ProjectTableModel::Domain}, &m_settings);
    new ColumnFitter(m_versionsPage->table(), {VersionTableModel::Author}, &m_settings);
    new ColumnFitter(m_buildsPage->table(), {BuildTableModel::Generator}, &m_settings);
    new ColumnFitter(m_activityPage->table(), {ActivityTableModel::Event, ActivityTableModel::Actor}, &m_settings);
}

void AgentView::connectPages()
{
    connect(m_projectsPage, &ProjectsPage::currentProjectChanged, this, &AgentView::onCurrentProjectChanged);
    connect(m_projectsPage, &ProjectsPage::deployRequested, this, &AgentView::deploy);
    connect(m_versionsPage, &VersionsPage::currentVersionChanged, this, &AgentView::selectionChanged);
    connect(m_projectsPage->moreButton(), &LoadMoreButton::moreRequested, this, &AgentView::loadMoreProjects);
    connect(m_versionsPage->moreButton(), &LoadMoreButton::moreRequested, this, &AgentView::loadMoreVersions);
    connect(m_versionsPage->addressPanel(), &AddressPanel::openRequested, this,
            [this](const QUrl &address) { AddressOpener(*m_messages).open(address); });
    connect(m_versionsPage->addressPanel(), &AddressPanel::copyRequested, this,
            [this](const QUrl &address) { AddressOpener(*m_messages).copy(address); });
}

QWidget *AgentView::buildLeftSide(const DashboardActions &actions)
{
    auto *side = new QWidget(this);
    m_projectsPage = new ProjectsPage(m_projects, actions, side);
    auto *dropArea = new DropArea(side);
    connect(dropArea, &DropArea::dropped, this,
            [this](const QString &path) { deploy(m_projectsPage->currentProjectId(), path); });
    auto *layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_projectsPage, 1);
    layout->addWidget(dropArea);
    return side;
}

const RemoteProject *AgentView::currentProject() const
{
    return m_projects->project(m_projects->rowOf(m_projectsPage->currentProjectId()));
}

const Version *AgentView::currentVersion() const
{
    return currentProject() ? m_versionsPage->currentVersion() : nullptr;
}

bool AgentView::canRollBack() const
{
    return m_versions->hasLive() && m_versions->rowCount() > 1;
}

void AgentView::restoreSession()
{
    m_connection->restore([this](const Status &status) {
        if (status.ok()) {
            if (m_connection->state() != AgentConnection::State::SignedIn)
                emit signInRequested();
            return;
        }
        showError(status.error());
        if (status.error().code == u"client.network")
            m_messages->setAction(tr("&Try Again"), [this] { restoreSession(); });
    });
}

void AgentView::refresh(qint64 selectProjectId)
{
    if (m_connection->state() != AgentConnection::State::SignedIn)
        return;
    using Page = core::client::RemotePage<RemoteProject>;
    m_connection->api().listProjects({}, this, [this, selectProjectId](Result<Page> page) {
        if (!page.ok())
            return showError(page.error());
        m_messages->conditionEnded(ErrorMessages::unreachable()); // it answered
        const qint64 keep = selectProjectId ? selectProjectId : m_projectsPage->currentProjectId();
        m_projects->setProjects(page->items);
        m_projectsCursor = page->nextCursor;
        m_projectsPage->moreButton()->setMoreAvailable(page->hasMore());
        if (m_projects->rowOf(keep) >= 0)
            m_projectsPage->selectProject(keep);
        else if (!page->items.isEmpty())
            m_projectsPage->selectProject(page->items.first().id);
        else
            onCurrentProjectChanged(0);
        for (const RemoteProject &project : std::as_const(page->items))
            loadVersions(project.id);
        // The selection may be the same project: its certificate may not be.
        if (const qint64 current = m_projectsPage->currentProjectId())
            loadCertificate(current);
    });
}

void AgentView::loadMoreProjects()
{
    using Page = core::client::RemotePage<RemoteProject>;
    m_connection->api().listProjects({m_projectsCursor}, this, [this](Result<Page> page) {
        if (!page.ok()) {
            m_projectsPage->moreButton()->setMoreAvailable(true); // to try again
            return showError(page.error());
        }
        m_projects->appendProjects(page->items);
        m_projectsCursor = page->nextCursor;
        m_projectsPage->moreButton()->setMoreAvailable(page->hasMore());
        for (const RemoteProject &project : std::as_const(page->items))
            loadVersions(project.id);
    });
}

// A project's row shows its live and latest version from the first page:
// the newest versions, where the live one almost always is.
void AgentView::loadVersions(qint64 projectId, qint64 selectVersionId)
{
    using Page = core::client::RemotePage<Version>;
    m_connection->api().listDeploys(projectId, {}, this, [this, projectId, selectVersionId](Result<Page> page) {
        const bool current = projectId == m_projectsPage->currentProjectId();
        if (!page.ok()) {
            if (current)
                showError(page.error());
            return;
        }
        m_messages->conditionEnded(ErrorMessages::unreachable());
        m_projects->setVersions(projectId, page->items);
        if (!current)
            return;
        const Version *selected = m_versionsPage->currentVersion();
        const qint64 keep = selectVersionId ? selectVersionId : selected ? selected->id : 0;
        m_versions->setVersions(page->items);
        m_versionsCursor = page->nextCursor;
        m_versionsPage->moreButton()->setMoreAvailable(page->hasMore());
        m_versionsPage->selectVersion(keep);
        publishVersionNumbers();
        // Whatever reloaded the versions (a deploy, a version command, a
        // settings change) may have added entries to the log.
        m_activityCommands->reload();
        emit selectionChanged();
    });
}

void AgentView::loadMoreVersions()
{
    using Page = core::client::RemotePage<Version>;
    const qint64 projectId = m_projectsPage->currentProjectId();
    m_connection->api().listDeploys(projectId, {m_versionsCursor}, this, [this, projectId](Result<Page> page) {
        if (projectId != m_projectsPage->currentProjectId())
            return; // another project was chosen meanwhile
        if (!page.ok()) {
            m_versionsPage->moreButton()->setMoreAvailable(true);
            return showError(page.error());
        }
        m_versions->appendVersions(page->items);
        m_versionsCursor = page->nextCursor;
        m_versionsPage->moreButton()->setMoreAvailable(page->hasMore());
        publishVersionNumbers();
    });
}

// The builds page names the versions builds made, of those listed; the
// activity page offers them as its version filter.
void AgentView::publishVersionNumbers()
{
    QHash<qint64, qint64> numbers;
    QList<qint64> listed;
    for (int row = 0; row < m_versions->rowCount(); ++row) {
        numbers.insert(m_versions->version(row)->id, m_versions->version(row)->number);
        listed.append(m_versions->version(row)->number);
    }
    m_builds->setVersionNumbers(numbers);
    m_activityPage->setVersionNumbers(listed);
}

void AgentView::onConnectionStateChanged()
{
    const bool signedIn = m_connection->state() == AgentConnection::State::SignedIn;
    const QString where = m_connection->profile().url.toString();
    if (signedIn)
        m_account->setText(tr("Signed in as %1 on %2").arg(m_connection->account().email, where));
    else if (m_connection->state() == AgentConnection::State::Working)
        m_account->setText(tr("Connecting to %1…").arg(where));
    else
        m_account->setText(tr("Not signed in to %1").arg(where));
    m_splitter->setEnabled(signedIn);
    if (signedIn) {
        m_messages->hide();
        refresh();
        offerPendingUploads();
    }
    emit selectionChanged();
}

void AgentView::onCurrentProjectChanged(qint64 projectId)
{
    const RemoteProject *project = m_projects->project(m_projects->rowOf(projectId));
    m_versions->clear();
    m_versionsCursor.clear();
    m_versionsPage->moreButton()->setMoreAvailable(false);
    m_versionsPage->setProjectName(project ? project->name : QString());
    m_settingsPage->setProject(project ? std::optional<RemoteProject>(*project) : std::nullopt);
    m_versionsPage->addressPanel()->setSite(project, m_connection->profile());
    m_buildsPage->setProjectName(project ? project->name : QString());
    m_activityPage->setProjectName(project ? project->name : QString());
    m_activityPage->setVersionNumbers({});
    m_activityCommands->load(project ? projectId : 0);
    const auto git = project ? project->gitSource() : std::nullopt;
    m_buildsPage->setGitSource(git ? git->url : QString(), git ? git->branch : QString());
    m_buildCommands->load(project ? projectId : 0);
    m_settingsPage->buildHooks()->setProject(project ? &m_connection->api() : nullptr, projectId);
    m_webhooksPage->setProject(project ? &m_connection->api() : nullptr, projectId);
    if (project) {
        loadVersions(projectId);
        loadCertificate(projectId);
    }
    emit selectionChanged();
}

// Best effort: an agent older than the certificate route, or one that
// fails to answer, leaves the line hidden rather than showing an error.
void AgentView::loadCertificate(qint64 projectId)
{
    m_connection->api().projectCertificate(projectId, this, [this, projectId](Result<core::client::RemoteCertificate> certificate) {
        if (projectId == m_projectsPage->currentProjectId() && certificate.ok())
            m_versionsPage->addressPanel()->setCertificate(*certificate);
    });
}

void AgentView::newProject()
{
    auto *dialog = new ProjectDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_connection->api().createProject(dialog->project(), this, [this](Result<RemoteProject> project) {
            if (!project.ok())
                return showError(project.error());
            showDone(tr("Project %1 created. Drop its site folder here to deploy it.").arg(project->name));
            refresh(project->id);
        });
    });
    dialog->open();
}

void AgentView::deleteProject()
{
    const RemoteProject *project = currentProject();
    if (!project)
        return;
    const qint64 id = project->id;
    ConfirmBox::ask(this, tr("Delete Project"),
                    tr("Delete %1 with all its versions and files? Its site goes offline at once. "
                       "This cannot be undone.").arg(project->name),
                    tr("&Delete Project"), [this, id] {
                        m_connection->api().deleteProject(id, this, [this](Status status) {
                            if (!status.ok())
                                return showError(status.error());
                            showDone(tr("Project deleted."));
                            refresh();
                        });
                    });
}

void AgentView::deploy(qint64 projectId, const QString &path)
{
    const int row = m_projects->rowOf(projectId);
    const RemoteProject *project = m_projects->project(row);
    if (!project) {
        m_messages->showMessage(StatusPalette::Level::Warning,
                                tr("Select the project to deploy to, or drop the folder onto its row."));
        return;
    }
    const Version *live = m_projects->liveVersion(row);
    DeployDialog::Target target{&m_connection->api(), m_connection->profile().id, *project,
                                live ? std::optional<Version>(*live) : std::nullopt,
                                SiteAddresses::primary(*project, m_connection->profile())};
    auto *dialog = new DeployDialog(std::move(target), path, m_pending, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DeployDialog::deployed, this, [this, projectId](const Version &version) {
        m_projectsPage->selectProject(projectId);
        loadVersions(projectId, version.id);
    });
    connect(dialog, &DeployDialog::uploadEnded, this, [this](qint64 durationMs, bool ok, const QString &summary) {
        if (m_notices)
            m_notices->finished(durationMs, ok ? tr("Upload finished") : tr("Upload failed"), summary, !ok);
    });
    connect(dialog, &DeployDialog::buildStarted, this, [this, projectId](const core::client::RemoteBuild &build) {
        m_projectsPage->selectProject(projectId);
        showTab(BuildsTab);
        m_buildCommands->follow(build);
    });
    dialog->show();
    dialog->start();
}

void AgentView::offerPendingUploads()
{
    const QList<PendingUploads::Entry> pending = m_pending.forAgent(m_connection->profile().id);
    if (pending.isEmpty())
        return;
    const PendingUploads::Entry entry = pending.first();
    m_messages->showMessage(StatusPalette::Level::Warning,
                            tr("The upload of %1 to %2 did not finish. Resuming checks the files again and sends "
                               "only what the agent is still missing.")
                                .arg(QDir::toNativeSeparators(entry.sourcePath), entry.projectName));
    m_messages->setAction(tr("&Resume Upload"), [this, entry] { deploy(entry.projectId, entry.sourcePath); });
}

void AgentView::chooseAndDeploy(bool archive)
{
    const qint64 projectId = m_projectsPage->currentProjectId();
    auto *dialog = new QFileDialog(this, archive ? tr("Deploy Archive") : tr("Deploy Folder"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(archive ? QFileDialog::ExistingFile : QFileDialog::Directory);
    if (archive)
        dialog->setNameFilter(tr("Site archives (*.zip *.tar *.tar.gz *.tgz)"));
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, projectId](const QString &path) { deploy(projectId, path); });
    dialog->open();
}

void AgentView::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

void AgentView::announceBuildEnd(const core::client::RemoteBuild &build)
{
    if (!m_notices)
        return;
    const RemoteProject *project = m_projects->project(m_projects->rowOf(build.projectId));
    const QString name = project ? project->name : QString();
    const bool ok = build.status == core::client::RemoteBuild::Status::Succeeded;
    const QString text = ok ? tr("Build #%1 of %2 succeeded.").arg(build.number).arg(name)
                            : tr("Build #%1 of %2 did not succeed: %3.")
                                  .arg(build.number)
                                  .arg(name, BuildTableModel::statusText(build.status).toLower());
    m_notices->finished(build.durationMs.value_or(0), ok ? tr("Build finished") : tr("Build failed"), text, !ok);
}

void AgentView::showVersionActivity()
{
    const Version *version = currentVersion();
    showTab(ActivityTab);
    m_activityPage->showVersion(version ? version->number : 0);
}

void AgentView::saveLayout()
{
    m_settings.setValue(AppSettings::Key::AgentSplitter, m_splitter->saveState());
}

void AgentView::showError(const core::Error &error)
{
    m_messages->showError(ErrorMessages::describe(error));
    if (error.code == u"auth.invalid_token" || error.code == u"auth.unauthenticated")
        m_messages->setAction(tr("Log In…"), [this] { emit signInRequested(); });
}

void AgentView::showDone(const QString &text)
{
    m_messages->showMessage(StatusPalette::Level::Good, text);
}

QUrl AgentView::currentSiteAddress() const
{
    const RemoteProject *project = currentProject();
    return project ? SiteAddresses::primary(*project, m_connection->profile()) : QUrl();
}

} // namespace ddd::app
