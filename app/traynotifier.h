// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/notifier.h"

#include <QObject>

class QSystemTrayIcon;

namespace ddd::app {

// Notifications through the system tray (the desktop's notification
// service where there is one); a no-op where the platform has no tray.
class TrayNotifier final : public QObject, public Notifier
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayNotifier)

public:
    explicit TrayNotifier(QObject *parent = nullptr);

    void notify(const QString &title, const QString &text, bool failed) override;

private:
    QSystemTrayIcon *m_tray = nullptr;
};

} // namespace ddd::app
