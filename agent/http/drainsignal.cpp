// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/drainsignal.h"

#include <utility>

namespace ddd::agent::http {

DrainSignal::Registration::Registration(Registration &&other) noexcept
    : m_signal(std::exchange(other.m_signal, nullptr)),
      m_id(other.m_id)
{
}

DrainSignal::Registration &DrainSignal::Registration::operator=(Registration &&other) noexcept
{
    if (this != &other) {
        if (m_signal)
            m_signal->remove(m_id);
        m_signal = std::exchange(other.m_signal, nullptr);
        m_id = other.m_id;
    }
    return *this;
}

DrainSignal::Registration::~Registration()
{
    if (m_signal)
        m_signal->remove(m_id);
}

DrainSignal::Registration DrainSignal::add(std::function<void()> onDrain)
{
    std::lock_guard lock(m_mutex);
    // A connection accepted while the drain began hears of it at once.
    if (draining())
        onDrain();
    const quint64 id = m_nextId++;
    m_callbacks.emplace(id, std::move(onDrain));
    return Registration(this, id);
}

void DrainSignal::begin()
{
    std::lock_guard lock(m_mutex);
    if (m_draining.exchange(true, std::memory_order_acq_rel))
        return;
    for (const auto &[id, onDrain] : m_callbacks)
        onDrain();
}

void DrainSignal::remove(quint64 id)
{
    std::lock_guard lock(m_mutex);
    m_callbacks.erase(id);
}

} // namespace ddd::agent::http
