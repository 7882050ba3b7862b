// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/completionnotices.h"

#include "app/notifier.h"

namespace ddd::app {

CompletionNotices::CompletionNotices(QWidget &window, Notifier &notifier, qint64 minimumMs)
    : m_window(&window), m_notifier(notifier), m_minimumMs(minimumMs)
{
}

bool CompletionNotices::finished(qint64 durationMs, const QString &title, const QString &text, bool failed)
{
    // A minimised window or another application in front: the user is elsewhere.
    const bool inBackground = !m_window || !m_window->isActiveWindow() || m_window->isMinimized();
    if (durationMs < m_minimumMs || !inBackground)
        return false;
    m_notifier.notify(title, text, failed);
    return true;
}

} // namespace ddd::app
