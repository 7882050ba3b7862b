// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/deadline.h"

namespace ddd::agent::http {

Deadline::Deadline(tcp::socket &socket)
    : m_timer(socket.get_executor(), Clock::time_point::max()),
      m_state(std::make_shared<State>(State{&socket}))
{
}

Deadline::~Deadline()
{
    // A wait that already completed may still be queued; it must not touch
    // the socket, which dies with the connection.
    m_state->socket = nullptr;
}

void Deadline::expireAt(Clock::time_point when)
{
    const unsigned generation = ++m_state->generation;
    m_state->fired = false;
    m_timer.expires_at(when);
    m_timer.async_wait([state = m_state, generation](const error_code &ec) {
        // A superseded wait can complete without error when it was already
        // queued as the deadline moved; the generation tells them apart.
        if (ec || state->generation != generation || !state->socket)
            return;
        state->fired = true;
        error_code ignored;
        state->socket->cancel(ignored);
    });
}

bool Deadline::expired() const
{
    return m_state->fired || Clock::now() >= m_timer.expiry();
}

} // namespace ddd::agent::http
