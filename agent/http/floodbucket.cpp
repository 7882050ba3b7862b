// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/floodbucket.h"

#include <algorithm>

namespace ddd::agent::http {

FloodBucket::FloodBucket(int burst, int rate)
    : m_tokens(burst), m_burst(burst), m_rate(rate), m_last(Clock::now())
{
}

bool FloodBucket::take(Clock::time_point now)
{
    const std::chrono::duration<double> elapsed = now - m_last;
    m_last = now;
    m_tokens = std::min(m_burst, m_tokens + std::max(0.0, elapsed.count()) * m_rate);
    if (m_tokens < 1.0)
        return false;
    m_tokens -= 1.0;
    return true;
}

} // namespace ddd::agent::http
