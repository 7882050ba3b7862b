// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/statuspalette.h"

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;

namespace ddd::app {

struct UserMessage;

// An inline message above the content instead of a modal box: it never
// blocks the window, and it can carry one action ("Log in…", "Retry").
class MessageBar final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)

public:
    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(StatusPalette::Level level, const QString &text);
    void showError(const UserMessage &message);
    // Adds a button to the message now shown; it hides the bar when clicked.
    void setAction(const QString &label, std::function<void()> action);
    // The message shown, empty while the bar is hidden.
    QString text() const;

private:
    QLabel *m_text;
    QPushButton *m_action;
    QPushButton *m_close;
    std::function<void()> m_callback;
};

} // namespace ddd::app
