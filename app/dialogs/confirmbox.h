// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace ddd::app {

// Asks before something destructive, without a nested event loop: the box is
// window-modal, and `action` runs only if the user confirms.
class ConfirmBox final
{
public:
    static void ask(QWidget *parent, const QString &title, const QString &text, const QString &confirmLabel,
                    std::function<void()> action);
};

} // namespace ddd::app
