// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/appsettings.h"
#include "core/credentials/credentialstore.h"
#include "app/mainwindow.h"
#include "tests/support/tempdataroot.h"

#include <QUrl>

#include <memory>

namespace ddd::test {

// Drives the real dashboard the way a user does (menus, dialogs, buttons)
// for the GUI tests. Settings and tokens live in a temporary home; no
// keychain service runs there, so tokens take the 0600 file fallback.
class DashboardDriver final
{
public:
    DashboardDriver();
    ~DashboardDriver();

    app::AppSettings &settings() { return *m_settings; }
    QString credentialsFile() const { return m_home.file(u"credentials.json"_qs); }

    // A fresh window over the same settings and tokens, as after a restart.
    app::MainWindow &openWindow();
    app::MainWindow &window() { return *m_window; }
    void closeWindow();

    // Fills and submits the connect dialog; returns it for inspection.
    QWidget *connect(const QUrl &agent, const QString &email, const QString &password);
    // Creates a project through Project > New Project; true once it is listed.
    bool createProject(const QString &name);
    // Drops a local folder or archive onto the main window, as a file manager does.
    bool dropOnWindow(const QString &path);

private:
    TempDataRoot m_home;
    std::unique_ptr<app::AppSettings> m_settings;
    std::unique_ptr<core::credentials::CredentialStore> m_credentials;
    std::unique_ptr<app::MainWindow> m_window;
};

} // namespace ddd::test
