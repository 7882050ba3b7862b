// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/projectpatch.h"
#include "core/client/remoteproject.h"
#include "core/util/error.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QCheckBox;
class QFormLayout;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace ddd::app {

class BuildHooksPanel;
class BuildSettingsBox;
class HttpsSettingsBox;

class AliasList;

// A project's settings: name, domain and its aliases, SPA mode, who may see
// the site (the users of its site password, which addresses ask for it,
// share links), how its sources are built, and its build hooks. Saving sends
// only what was changed; share links and hooks act at once, through the view.
class SettingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsPage)

public:
    explicit SettingsPage(QWidget *parent = nullptr);

    void setProject(const std::optional<core::client::RemoteProject> &project);
    // What differs from the project as last loaded.
    core::client::ProjectPatch changes() const;
    bool hasChanges() const;
    BuildHooksPanel *buildHooks() const { return m_buildHooks; }
    // Shows a refused save next to the field it concerns (see BuildSettingsBox).
    bool showRefusal(const core::Error &error);

signals:
    void saveRequested(const ddd::core::client::ProjectPatch &changes);
    void shareLinkRequested();
    void revokeShareLinksRequested();

private:
    QWidget *buildGeneralBox();
    QGroupBox *buildSitePasswordBox();
    QLayout *buildSiteUserEntry(QHBoxLayout *listRow);
    QWidget *buildShareLinkRow();
    void showProtection(const core::client::RemoteProject &shown);
    void addSiteUser();
    void removeSiteUser();
    void revert();
    void updateButtons();
    QStringList siteUsers() const;
    QString newUserProblem() const;
    std::optional<core::client::ProjectPatch::SitePassword> sitePasswordChanges() const;

    std::optional<core::client::RemoteProject> m_project;
    QLineEdit *m_name;
    QLineEdit *m_domain;
    QFormLayout *m_generalForm;
    AliasList *m_aliases;
    QCheckBox *m_spaMode;
    BuildSettingsBox *m_build;
    HttpsSettingsBox *m_https;
    QGroupBox *m_sitePassword;
    QListWidget *m_users;
    QLineEdit *m_newUser;
    QLineEdit *m_newPassword;
    QPushButton *m_addUser;
    QLabel *m_newUserProblem; // what keeps Add User from working, next to the fields
    QPushButton *m_removeUser;
    QCheckBox *m_stagingOnly;
    QLabel *m_forcedNote;
    QPushButton *m_createShareLink;
    QPushButton *m_revokeShareLinks;
    QPushButton *m_save;
    QPushButton *m_revert;
    QHash<QString, QString> m_newPasswords; // users added here, until saved
    BuildHooksPanel *m_buildHooks = nullptr;
};

} // namespace ddd::app
