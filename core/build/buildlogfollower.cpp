// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/build/buildlogfollower.h"

namespace ddd::core::build {

void BuildLogFollower::setWake(std::function<void()> wake)
{
    std::lock_guard lock(m_mutex);
    m_wake = std::move(wake);
}

BuildLogFollower::Batch BuildLogFollower::take()
{
    std::lock_guard lock(m_mutex);
    Batch batch{std::move(m_pending), m_ended, m_endData};
    m_pending.clear();
    return batch;
}

void BuildLogFollower::append(const QByteArrayList &lines)
{
    {
        std::lock_guard lock(m_mutex);
        m_pending.append(lines);
    }
    wake();
}

void BuildLogFollower::end(const QByteArray &endData)
{
    {
        std::lock_guard lock(m_mutex);
        m_ended = true;
        m_endData = endData;
    }
    wake();
}

// Called without the lock: the waker may post to another thread that takes it.
void BuildLogFollower::wake()
{
    std::function<void()> wake;
    {
        std::lock_guard lock(m_mutex);
        wake = m_wake;
    }
    if (wake)
        wake();
}

} // namespace ddd::core::build
