// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/traynotifier.h"

#include <QApplication>
#include <QSystemTrayIcon>

namespace ddd::app {

TrayNotifier::TrayNotifier(QObject *parent) : QObject(parent)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
    m_tray->setToolTip(QApplication::applicationDisplayName());
}

void TrayNotifier::notify(const QString &title, const QString &text, bool failed)
{
    if (!m_tray || !QSystemTrayIcon::supportsMessages())
        return;
    // The icon shows only while a message does, so the tray is not cluttered.
    m_tray->show();
    m_tray->showMessage(title, text, failed ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
}

} // namespace ddd::app
