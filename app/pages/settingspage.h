// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/projectpatch.h"
#include "core/client/remoteproject.h"

#include <QHash>
#include <QWidget>

#include <optional>

class QCheckBox;
class QGroupBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace ddd::app {

// A project's settings: name, domain, SPA mode, minification, build flags and
// the users of its site password. Saving sends only what was changed.
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

signals:
    void saveRequested(const ddd::core::client::ProjectPatch &changes);

private:
    QWidget *buildGeneralBox();
    QGroupBox *buildSitePasswordBox();
    void addSiteUser();
    void removeSiteUser();
    void revert();
    void updateButtons();
    QStringList siteUsers() const;
    QStringList buildFlags() const;
    std::optional<core::client::ProjectPatch::SitePassword> sitePasswordChanges() const;

    std::optional<core::client::RemoteProject> m_project;
    QLineEdit *m_name;
    QLineEdit *m_domain;
    QCheckBox *m_spaMode;
    QCheckBox *m_optOutMinify;
    QLineEdit *m_buildFlags;
    QGroupBox *m_sitePassword;
    QListWidget *m_users;
    QLineEdit *m_newUser;
    QLineEdit *m_newPassword;
    QPushButton *m_addUser;
    QPushButton *m_removeUser;
    QPushButton *m_save;
    QPushButton *m_revert;
    QHash<QString, QString> m_newPasswords; // users added here, until saved
};

} // namespace ddd::app
