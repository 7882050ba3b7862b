// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "app/logbatcher.h"

#include <QTimer>

namespace ddd::app {

LogBatcher::LogBatcher(int capacity, QObject *parent)
    : QObject(parent), m_capacity(qMax(1, capacity)), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(50);
    connect(m_timer, &QTimer::timeout, this, &LogBatcher::flush);
}

void LogBatcher::setInterval(int milliseconds)
{
    m_timer->setInterval(milliseconds);
}

void LogBatcher::add(const QStringList &lines)
{
    m_pending += lines;
    if (const qsizetype excess = m_pending.size() - m_capacity; excess > 0) {
        m_pending.remove(0, excess);
        m_dropped += excess;
    }
    if (!m_timer->isActive())
        m_timer->start();
}

void LogBatcher::flush()
{
    m_timer->stop();
    if (m_pending.isEmpty())
        return;
    const QStringList lines = std::exchange(m_pending, {});
    emit ready(lines.join(u'\n'), int(lines.size()));
}

void LogBatcher::clear()
{
    m_timer->stop();
    m_pending.clear();
    m_dropped = 0;
}

} // namespace ddd::app
