// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/pages/settingspage.h"

#include "app/siteprotection.h"
#include "app/widgets/aliaslist.h"
#include "app/widgets/buildhookspanel.h"
#include "app/widgets/buildsettingsbox.h"
#include "app/widgets/httpssettingsbox.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ddd::app {

using core::client::ProjectPatch;
using core::client::RemoteProject;
using Scope = RemoteProject::ProtectionScope;

namespace {

constexpr int MinSitePasswordLength = 8; // the agent's rule (ProjectSettings)

} // namespace

SettingsPage::SettingsPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"settingsPage"_qs);
    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(u"settingsSave"_qs);
    m_revert = buttons->addButton(tr("Re&vert"), QDialogButtonBox::ResetRole);
    // The boxes scroll rather than squeeze when the window is short.
    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(buildGeneralBox());
    contentLayout->addWidget(buildSitePasswordBox());
    contentLayout->addWidget(buildShareLinkRow());
    m_build = new BuildSettingsBox(this);
    contentLayout->addWidget(m_build);
    connect(m_build, &BuildSettingsBox::changed, this, &SettingsPage::updateButtons);
    m_https = new HttpsSettingsBox(this);
    contentLayout->addWidget(m_https);
    connect(m_https, &HttpsSettingsBox::changed, this, &SettingsPage::updateButtons);
    m_buildHooks = new BuildHooksPanel(this);
    contentLayout->addWidget(m_buildHooks);
    contentLayout->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    connect(m_save, &QPushButton::clicked, this, [this] { emit saveRequested(changes()); });
    connect(m_revert, &QPushButton::clicked, this, &SettingsPage::revert);
    setProject(std::nullopt);
}

QWidget *SettingsPage::buildGeneralBox()
{
    auto *box = new QGroupBox(tr("Project"), this);
    m_name = new QLineEdit(box);
    m_name->setObjectName(u"settingsName"_qs);
    m_domain = new QLineEdit(box);
    m_domain->setObjectName(u"settingsDomain"_qs);
    m_domain->setPlaceholderText(tr("www.example.com (optional)"));
    m_spaMode = new QCheckBox(tr("Single-page app: answer unknown paths with index.html"), box);
    m_spaMode->setObjectName(u"settingsSpaMode"_qs);
    m_aliases = new AliasList(box);
    connect(m_aliases, &AliasList::changed, this, &SettingsPage::updateButtons);
    auto *form = new QFormLayout(box);
    m_generalForm = form;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Domain:"), m_domain);
    form->addRow(tr("Aliases:"), m_aliases);
    form->addRow(QString(), m_spaMode);
    for (QLineEdit *edit : {m_name, m_domain})
        connect(edit, &QLineEdit::textChanged, this, &SettingsPage::updateButtons);
    connect(m_spaMode, &QCheckBox::toggled, this, &SettingsPage::updateButtons);
    return box;
}

QGroupBox *SettingsPage::buildSitePasswordBox()
{
    m_sitePassword = new QGroupBox(tr("Protect the site with a password"), this);
    m_sitePassword->setObjectName(u"settingsSitePassword"_qs);
    m_sitePassword->setCheckable(true);
    m_users = new QListWidget(m_sitePassword);
    m_users->setObjectName(u"settingsSiteUsers"_qs);
    m_users->setMaximumHeight((m_users->fontMetrics().height() + 4) * 3 + 8); // scrolls past three users
    m_stagingOnly = new QCheckBox(tr("Only staging and preview addresses ask for the password"), m_sitePassword);
    m_stagingOnly->setObjectName(u"settingsSiteScope"_qs);
    m_stagingOnly->setToolTip(tr("The live domain and its aliases stay public; the staging address and every "
                                 "version's preview address ask for the password."));
    m_forcedNote = new QLabel(tr("The agent's operator protects every site on this agent: visitors always need "
                                 "one of these users or a share link, whatever is chosen here."), m_sitePassword);
    m_forcedNote->setObjectName(u"settingsForcedNote"_qs);
    m_forcedNote->setWordWrap(true);
    auto *layout = new QVBoxLayout(m_sitePassword);
    auto *help = new QLabel(tr("Visitors must sign in as one of these users. Passwords are stored hashed; "
                               "to change one, remove the user and add it again."), m_sitePassword);
    help->setWordWrap(true);
    layout->addWidget(m_forcedNote);
    layout->addWidget(help);
    auto *users = new QHBoxLayout;
    users->addWidget(m_users, 1);
    layout->addLayout(users);
    layout->addLayout(buildSiteUserEntry(users));
    layout->addWidget(m_stagingOnly);
    connect(m_sitePassword, &QGroupBox::toggled, this, &SettingsPage::updateButtons);
    connect(m_stagingOnly, &QCheckBox::toggled, this, &SettingsPage::updateButtons);
    connect(m_users, &QListWidget::currentRowChanged, this, &SettingsPage::updateButtons);
    return m_sitePassword;
}

// The new user's fields go below the list, its Remove button beside it.
QLayout *SettingsPage::buildSiteUserEntry(QHBoxLayout *listRow)
{
    m_newUser = new QLineEdit(m_sitePassword);
    m_newUser->setPlaceholderText(tr("User name"));
    m_newPassword = new QLineEdit(m_sitePassword);
    m_newPassword->setEchoMode(QLineEdit::Password);
    m_newPassword->setPlaceholderText(tr("Password (at least %n characters)", nullptr, MinSitePasswordLength));
    m_addUser = new QPushButton(tr("&Add User"), m_sitePassword);
    m_removeUser = new QPushButton(tr("&Remove User"), m_sitePassword);
    m_newUser->setObjectName(u"newSiteUser"_qs);
    m_newPassword->setObjectName(u"newSitePassword"_qs);
    m_addUser->setObjectName(u"addSiteUserButton"_qs);
    m_newUserProblem = new QLabel(m_sitePassword);
    m_newUserProblem->setObjectName(u"newSiteUserProblem"_qs);
    m_newUserProblem->setWordWrap(true);
    m_newUserProblem->setForegroundRole(QPalette::PlaceholderText);
    auto *fields = new QHBoxLayout;
    fields->addWidget(m_newUser);
    fields->addWidget(m_newPassword);
    fields->addWidget(m_addUser);
    auto *entry = new QVBoxLayout;
    entry->addLayout(fields);
    entry->addWidget(m_newUserProblem);
    listRow->addWidget(m_removeUser, 0, Qt::AlignTop);
    connect(m_addUser, &QPushButton::clicked, this, &SettingsPage::addSiteUser);
    connect(m_removeUser, &QPushButton::clicked, this, &SettingsPage::removeSiteUser);
    connect(m_newUser, &QLineEdit::textChanged, this, &SettingsPage::updateButtons);
    connect(m_newPassword, &QLineEdit::textChanged, this, &SettingsPage::updateButtons);
    return entry;
}

// Outside the password box: links issued while the site was protected work
// again if protection comes back, so revoking must stay possible when it is off.
QWidget *SettingsPage::buildShareLinkRow()
{
    auto *row = new QWidget(this);
    m_createShareLink = new QPushButton(tr("Create &Share Link…"), row);
    m_createShareLink->setObjectName(u"settingsCreateShareLink"_qs);
    m_revokeShareLinks = new QPushButton(tr("Revoke All Share &Links…"), row);
    m_revokeShareLinks->setObjectName(u"settingsRevokeShareLinks"_qs);
    m_revokeShareLinks->setToolTip(tr("Ends every share link of this project issued so far."));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_createShareLink);
    layout->addWidget(m_revokeShareLinks);
    layout->addStretch();
    connect(m_createShareLink, &QPushButton::clicked, this, &SettingsPage::shareLinkRequested);
    connect(m_revokeShareLinks, &QPushButton::clicked, this, &SettingsPage::revokeShareLinksRequested);
    return row;
}

void SettingsPage::setProject(const std::optional<RemoteProject> &project)
{
    m_project = project;
    revert();
    setEnabled(m_project.has_value());
}

void SettingsPage::revert()
{
    const RemoteProject shown = m_project.value_or(RemoteProject());
    m_name->setText(shown.name);
    m_domain->setText(shown.domain.value_or(QString()));
    m_spaMode->setChecked(shown.settings.spaMode);
    m_build->setSettings(shown.settings);
    m_https->setSettings(shown.settings);
    m_aliases->setAliases(shown.aliases.value_or(QStringList()));
    // Agents without aliases refuse the field: offer it only where it exists.
    m_generalForm->setRowVisible(m_aliases, shown.aliases.has_value());
    showProtection(shown);
    m_users->clear();
    m_users->addItems(shown.settings.siteUsers);
    m_newPasswords.clear();
    m_newUser->clear();
    m_newPassword->clear();
    updateButtons();
}

// Under the operator's force the site is protected whatever the owner picks,
// so the box shows no switch that would pretend otherwise.
void SettingsPage::showProtection(const RemoteProject &shown)
{
    const bool forced = shown.settings.sitePasswordForced;
    m_sitePassword->setCheckable(!forced);
    m_sitePassword->setTitle(forced ? tr("Site password (required by the agent's operator)")
                                    : tr("Protect the site with a password"));
    if (!forced)
        m_sitePassword->setChecked(shown.settings.sitePasswordEnabled);
    m_forcedNote->setVisible(forced);
    m_stagingOnly->setChecked(shown.settings.sitePasswordScope == Scope::StagingOnly);
    m_stagingOnly->setVisible(!forced);
}

void SettingsPage::addSiteUser()
{
    const QString name = m_newUser->text().trimmed();
    if (name.isEmpty() || m_newPassword->text().size() < MinSitePasswordLength || siteUsers().contains(name))
        return;
    m_newPasswords.insert(name, m_newPassword->text());
    m_users->addItem(name);
    m_newUser->clear();
    m_newPassword->clear();
    updateButtons();
}

void SettingsPage::removeSiteUser()
{
    if (QListWidgetItem *item = m_users->currentItem()) {
        m_newPasswords.remove(item->text());
        delete item;
    }
    updateButtons();
}

ProjectPatch SettingsPage::changes() const
{
    ProjectPatch patch;
    if (!m_project)
        return patch;
    const RemoteProject &project = *m_project;
    if (m_name->text().trimmed() != project.name)
        patch.name = m_name->text().trimmed();
    const QString domain = m_domain->text().trimmed();
    if (domain != project.domain.value_or(QString()))
        patch.domain = domain.isEmpty() ? std::optional<QString>() : std::optional<QString>(domain);
    if (project.aliases && m_aliases->aliases() != *project.aliases)
        patch.aliases = m_aliases->aliases();
    if (m_spaMode->isChecked() != project.settings.spaMode)
        patch.spaMode = m_spaMode->isChecked();
    m_build->addChanges(patch, project.settings);
    m_https->addChanges(patch, project.settings);
    patch.sitePassword = sitePasswordChanges();
    return patch;
}

bool SettingsPage::hasChanges() const
{
    return !changes().toJson().isEmpty();
}

std::optional<ProjectPatch::SitePassword> SettingsPage::sitePasswordChanges() const
{
    const RemoteProject::Settings &stored = m_project->settings;
    const bool enabled = stored.sitePasswordForced ? stored.sitePasswordEnabled : m_sitePassword->isChecked();
    const Scope scope = m_stagingOnly->isChecked() ? Scope::StagingOnly : Scope::AllHosts;
    if (enabled == stored.sitePasswordEnabled && siteUsers() == stored.siteUsers && scope == stored.sitePasswordScope)
        return std::nullopt;
    ProjectPatch::SitePassword sitePassword{enabled, {}, scope};
    for (const QString &user : siteUsers())
        sitePassword.users.append({user, m_newPasswords.value(user)});
    return sitePassword;
}

QStringList SettingsPage::siteUsers() const
{
    QStringList users;
    for (int i = 0; i < m_users->count(); ++i)
        users.append(m_users->item(i)->text());
    return users;
}

bool SettingsPage::showRefusal(const core::Error &error)
{
    return m_build->showRefusal(error) || m_https->showRefusal(error);
}

// Said next to the fields as soon as something is typed, instead of a
// silently disabled button.
QString SettingsPage::newUserProblem() const
{
    const QString name = m_newUser->text().trimmed();
    const qsizetype length = m_newPassword->text().size();
    if (!name.isEmpty() && siteUsers().contains(name))
        return tr("%1 is already a user of this site: remove it first to give it a new password.").arg(name);
    if (length > 0 && length < MinSitePasswordLength)
        return tr("The password is too short: %n more character(s) needed.", nullptr,
                  int(MinSitePasswordLength - length));
    if (length > 0 && name.isEmpty())
        return tr("Enter the user name that goes with this password.");
    if (!name.isEmpty() && length == 0)
        return tr("Enter a password of at least %n characters for %1.", nullptr, MinSitePasswordLength).arg(name);
    return {};
}

void SettingsPage::updateButtons()
{
    const bool changed = m_project && hasChanges();
    m_save->setEnabled(changed);
    m_revert->setEnabled(changed);
    const QString problem = newUserProblem();
    m_addUser->setEnabled(!m_newUser->text().trimmed().isEmpty() && problem.isEmpty());
    m_newUserProblem->setText(problem);
    m_newUserProblem->setVisible(!problem.isEmpty());
    m_removeUser->setEnabled(m_users->currentItem() != nullptr);
    // Share links act on the saved state: a link for a site that is not yet
    // protected would open nothing that is not already public.
    const bool protectedNow = m_project && SiteProtection::isProtected(*m_project);
    m_createShareLink->setEnabled(protectedNow);
    m_createShareLink->setToolTip(
        protectedNow ? tr("A share link lets whoever has it see the protected site, without a password, until it expires.")
                     : tr("Share links are for protected sites: turn the password on and save first."));
}

} // namespace ddd::app
