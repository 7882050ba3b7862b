// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>

namespace ddd::agent::http {

// A token bucket counting frames of one kind a client sends on one HTTP/2
// connection (RST_STREAM, PING, SETTINGS): `burst` at once, refilled at
// `rate` a second. A client that empties it is flooding (rapid reset, CVE-2023-44487;
// ping and settings floods, CVE-2019-9512/9515): the connection ends with
// GOAWAY ENHANCE_YOUR_CALM. Counted per connection, on its I/O thread.
class FloodBucket final
{
public:
    using Clock = std::chrono::steady_clock;

    FloodBucket(int burst, int rate);

    // Takes one token; false when none is left (the frame is one too many).
    bool take(Clock::time_point now = Clock::now());

private:
    double m_tokens;
    const double m_burst;
    const double m_rate;
    Clock::time_point m_last;
};

} // namespace ddd::agent::http
