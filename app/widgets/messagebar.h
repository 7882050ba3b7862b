// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/statuspalette.h"

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

namespace ddd::app {

struct UserMessage;

// An inline message above the content instead of a modal box: it never
// blocks the window, and it can carry one action ("Log in…", "Retry").
// Codes and addresses sit behind a Details disclosure. Messages of up to
// three lines all take the same room, and a bar that keeps its place
// (setKeepsPlace) holds it while hidden too, so messages coming and going
// never make the page below jump.
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
    // Hidden, keep the room a message takes (a page's bar), or give it up
    // (a rare banner above everything). Off by default.
    void setKeepsPlace(bool keep);
    // The state a shown error was about has ended (the agent answered
    // again): its banner goes; other messages stay.
    void conditionEnded(const QString &condition);
    // The message shown, empty while the bar is hidden.
    QString text() const;
    // Its details (code, address), empty when it has none.
    QString details() const;

private:
    void setDetails(const QString &details);

    QLabel *m_text;
    QToolButton *m_disclosure;
    QLabel *m_details;
    QPushButton *m_action;
    QPushButton *m_close;
    std::function<void()> m_callback;
    QString m_condition;
};

} // namespace ddd::app
