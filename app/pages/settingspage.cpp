// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/pages/settingspage.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace ddd::app {

using core::client::ProjectPatch;
using core::client::RemoteProject;

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
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildGeneralBox());
    layout->addWidget(buildSitePasswordBox());
    layout->addStretch();
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
    m_optOutMinify = new QCheckBox(tr("Do not minify HTML, CSS and JavaScript"), box);
    m_optOutMinify->setObjectName(u"settingsOptOutMinify"_qs);
    m_buildFlags = new QLineEdit(box);
    m_buildFlags->setObjectName(u"settingsBuildFlags"_qs);
    m_buildFlags->setPlaceholderText(tr("--flag --other=value (only flags the operator allows)"));
    auto *form = new QFormLayout(box);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Domain:"), m_domain);
    form->addRow(QString(), m_spaMode);
    form->addRow(QString(), m_optOutMinify);
    form->addRow(tr("&Build flags:"), m_buildFlags);
    for (QLineEdit *edit : {m_name, m_domain, m_buildFlags})
        connect(edit, &QLineEdit::textChanged, this, &SettingsPage::updateButtons);
    for (QCheckBox *check : {m_spaMode, m_optOutMinify})
        connect(check, &QCheckBox::toggled, this, &SettingsPage::updateButtons);
    return box;
}

QGroupBox *SettingsPage::buildSitePasswordBox()
{
    m_sitePassword = new QGroupBox(tr("Protect the site with a password"), this);
    m_sitePassword->setObjectName(u"settingsSitePassword"_qs);
    m_sitePassword->setCheckable(true);
    m_users = new QListWidget(m_sitePassword);
    m_users->setObjectName(u"settingsSiteUsers"_qs);
    m_newUser = new QLineEdit(m_sitePassword);
    m_newUser->setPlaceholderText(tr("User name"));
    m_newPassword = new QLineEdit(m_sitePassword);
    m_newPassword->setEchoMode(QLineEdit::Password);
    m_newPassword->setPlaceholderText(tr("Password (at least %n characters)", nullptr, MinSitePasswordLength));
    m_addUser = new QPushButton(tr("&Add User"), m_sitePassword);
    m_removeUser = new QPushButton(tr("&Remove User"), m_sitePassword);
    auto *entry = new QHBoxLayout;
    entry->addWidget(m_newUser);
    entry->addWidget(m_newPassword);
    entry->addWidget(m_addUser);
    auto *layout = new QVBoxLayout(m_sitePassword);
    auto *help = new QLabel(tr("Visitors must sign in as one of these users. Passwords are stored hashed; "
                               "to change one, remove the user and add it again."), m_sitePassword);
    help->setWordWrap(true);
    layout->addWidget(help);
    layout->addWidget(m_users);
    layout->addLayout(entry);
    layout->addWidget(m_removeUser, 0, Qt::AlignLeft);
    connect(m_addUser, &QPushButton::clicked, this, &SettingsPage::addSiteUser);
    connect(m_removeUser, &QPushButton::clicked, this, &SettingsPage::removeSiteUser);
    connect(m_sitePassword, &QGroupBox::toggled, this, &SettingsPage::updateButtons);
    connect(m_newUser, &QLineEdit::textChanged, this, &SettingsPage::updateButtons);
    connect(m_newPassword, &QLineEdit::textChanged, this, &SettingsPage::updateButtons);
    connect(m_users, &QListWidget::currentRowChanged, this, &SettingsPage::updateButtons);
    return m_sitePassword;
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
    m_optOutMinify->setChecked(shown.settings.optOutMinify);
    m_buildFlags->setText(shown.settings.buildFlags.join(u' '));
    m_sitePassword->setChecked(shown.settings.sitePasswordEnabled);
    m_users->clear();
    m_users->addItems(shown.settings.siteUsers);
    m_newPasswords.clear();
    m_newUser->clear();
    m_newPassword->clear();
    updateButtons();
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
    if (m_spaMode->isChecked() != project.settings.spaMode)
        patch.spaMode = m_spaMode->isChecked();
    if (m_optOutMinify->isChecked() != project.settings.optOutMinify)
        patch.optOutMinify = m_optOutMinify->isChecked();
    if (buildFlags() != project.settings.buildFlags)
        patch.buildFlags = buildFlags();
    patch.sitePassword = sitePasswordChanges();
    return patch;
}

bool SettingsPage::hasChanges() const
{
    return !changes().toJson().isEmpty();
}

std::optional<ProjectPatch::SitePassword> SettingsPage::sitePasswordChanges() const
{
    const bool enabled = m_sitePassword->isChecked();
    if (enabled == m_project->settings.sitePasswordEnabled && siteUsers() == m_project->settings.siteUsers)
        return std::nullopt;
    ProjectPatch::SitePassword sitePassword{enabled, {}};
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

QStringList SettingsPage::buildFlags() const
{
    static const QRegularExpression whitespace(u"\\s+"_qs);
    return m_buildFlags->text().split(whitespace, Qt::SkipEmptyParts);
}

void SettingsPage::updateButtons()
{
    const bool changed = m_project && hasChanges();
    m_save->setEnabled(changed);
    m_revert->setEnabled(changed);
    m_addUser->setEnabled(!m_newUser->text().trimmed().isEmpty()
                          && m_newPassword->text().size() >= MinSitePasswordLength);
    m_removeUser->setEnabled(m_users->currentItem() != nullptr);
}

} // namespace ddd::app
