// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// ddd-dashboard: settings, translations and the token store, then the window.
#include "app/appsettings.h"
#include "core/credentials/credentialstore.h"
#include "core/credentials/filesecretbackend.h"
#include "core/credentials/keychainbackend.h"
#include "app/languageloader.h"
#include "app/mainwindow.h"

#include <QApplication>
#include <QIcon>
#include <QStandardPaths>

using namespace ddd::app;
using namespace ddd::core::credentials;

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QApplication::setOrganizationName(u"DragDropDeploy"_qs);
    QApplication::setApplicationName(u"ddd-dashboard"_qs);
    QApplication::setApplicationDisplayName(u"DragDropDeploy"_qs);
    QApplication::setApplicationVersion(QStringLiteral(DDD_VERSION));
    QApplication::setDesktopFileName(u"ddd-dashboard"_qs);
    QApplication::setWindowIcon(QIcon(u":/icons/ddd-dashboard.png"_qs));

    AppSettings settings;
    LanguageLoader languages(application);
    languages.install(settings.value(AppSettings::Key::Language).toString());

    const QString tokenFile =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/credentials.json"_qs;
    CredentialStore credentials(std::make_unique<KeychainBackend>(u"DragDropDeploy"_qs),
                                std::make_unique<FileSecretBackend>(tokenFile));

    MainWindow window(settings, credentials);
    window.show();
    window.restoreAgents();
    return application.exec();
}
