// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPointer>
#include <QString>
#include <QWidget>

namespace ddd::app {

class Notifier;

// Decides when the end of an upload or a build deserves a desktop
// notification: it took long enough for the user to turn to something else
// (`minimumMs`), and the dashboard is not the active window.
class CompletionNotices final
{
public:
    static constexpr qint64 DefaultMinimumMs = 10'000;

    CompletionNotices(QWidget &window, Notifier &notifier, qint64 minimumMs = DefaultMinimumMs);

    // True when it notified.
    bool finished(qint64 durationMs, const QString &title, const QString &text, bool failed);

private:
    QPointer<QWidget> m_window;
    Notifier &m_notifier;
    const qint64 m_minimumMs;
};

} // namespace ddd::app
