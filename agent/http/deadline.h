// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include "agent/http/asiostreams.h"

#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <memory>

namespace ddd::agent::http {

// An absolute point in time after which the connection's pending socket
// operation is cancelled. Unlike Beast's tcp_stream timeouts it leaves the
// socket open, so the connection can still answer 408, and unlike an idle
// timer it is not pushed back by trickled bytes. Used on one thread only.
// Moving the deadline later only records it: the armed timer, when it fires
// early, re-arms for the rest. So the several moves of every request cost no
// timer operation, only the rare move to an earlier time does.
class Deadline final
{
public:
    using Clock = std::chrono::steady_clock;

    explicit Deadline(tcp::socket &socket);
    Deadline(const Deadline &) = delete;
    Deadline &operator=(const Deadline &) = delete;
    ~Deadline();

    void expireAt(Clock::time_point when);
    void expireAfter(Clock::duration delay) { expireAt(Clock::now() + delay); }
    // Whether the deadline has passed; an operation that failed after it
    // passed failed because of it.
    bool expired() const;

private:
    struct State
    {
        Deadline *owner;
        unsigned generation = 0;
        bool fired = false;
        bool armed = false;
        Clock::time_point deadline = Clock::time_point::max();
    };

    void arm(Clock::time_point when);
    void onTimer();

    tcp::socket &m_socket;
    asio::steady_timer m_timer;
    std::shared_ptr<State> m_state;
};

} // namespace ddd::agent::http
