// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/deadline.h"

namespace ddd::agent::http {

Deadline::Deadline(tcp::socket &socket)
    : m_socket(socket),
      m_timer(socket.get_executor(), Clock::time_point::max()),
      m_state(std::make_shared<State>(State{this}))
{
}

Deadline::~Deadline()
{
    // A wait that already completed may still be queued; it must not touch
    // this object or the socket, which die with the connection.
    m_state->owner = nullptr;
}

void Deadline::expireAt(Clock::time_point when)
{
    m_state->deadline = when;
    m_state->fired = false;
    if (!m_state->armed || when < m_timer.expiry())
        arm(when);
}

void Deadline::arm(Clock::time_point when)
{
    const unsigned generation = ++m_state->generation;
    m_state->armed = true;
    m_timer.expires_at(when);
    m_timer.async_wait([state = m_state, generation](const error_code &ec) {
        // A superseded wait can complete without error when it was already
        // queued as the deadline moved; the generation tells them apart.
        if (ec || state->generation != generation || !state->owner)
            return;
        state->owner->onTimer();
    });
}

void Deadline::onTimer()
{
    m_state->armed = false;
    if (Clock::now() < m_state->deadline) {
        arm(m_state->deadline); // moved later since the timer was armed
        return;
    }
    m_state->fired = true;
    error_code ignored;
    m_socket.cancel(ignored);
}

bool Deadline::expired() const
{
    return m_state->fired || Clock::now() >= m_state->deadline;
}

} // namespace ddd::agent::http
