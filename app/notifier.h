// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ddd::app {

// Shows a desktop notification. An interface so tests count notifications
// instead of popping them up (TrayNotifier is the real one).
class Notifier
{
public:
    virtual ~Notifier() = default;
    virtual void notify(const QString &title, const QString &text, bool failed) = 0;
};

} // namespace ddd::app
