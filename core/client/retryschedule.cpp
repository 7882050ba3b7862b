// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/retryschedule.h"

#include <QTimer>

namespace ddd::core::client {

using namespace std::chrono_literals;

// About two minutes in all: long enough for an agent restart or a short
// network outage, short enough that a user is not left waiting on a dead one.
RetrySchedule::RetrySchedule(QObject *parent)
    : QObject(parent), m_delays{1s, 2s, 4s, 8s, 15s, 30s, 30s, 30s}, m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        if (auto again = std::exchange(m_again, {}))
            again();
    });
}

bool RetrySchedule::takeImmediate()
{
    if (m_attempt >= m_delays.size())
        return false;
    ++m_attempt;
    return true;
}

bool RetrySchedule::later(std::function<void()> again)
{
    if (m_attempt >= m_delays.size())
        return false;
    const std::chrono::milliseconds delay = m_delays.at(m_attempt++);
    m_again = std::move(again);
    m_timer->start(delay);
    return true;
}

void RetrySchedule::stop()
{
    m_timer->stop();
    m_again = {};
}

} // namespace ddd::core::client
