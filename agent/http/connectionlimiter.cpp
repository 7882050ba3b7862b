// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/http/connectionlimiter.h"

#include <utility>

namespace ddd::agent::http {

ConnectionLimiter::Slot::Slot(ConnectionLimiter *limiter, QHostAddress address, bool countedPerAddress)
    : m_limiter(limiter), m_address(std::move(address)), m_countedPerAddress(countedPerAddress)
{
}

ConnectionLimiter::Slot::Slot(Slot &&other) noexcept
    : m_limiter(std::exchange(other.m_limiter, nullptr)),
      m_address(std::move(other.m_address)),
      m_countedPerAddress(other.m_countedPerAddress)
{
}

ConnectionLimiter::Slot::~Slot()
{
    if (m_limiter)
        m_limiter->release(m_address, m_countedPerAddress);
}

ConnectionLimiter::ConnectionLimiter(int maxTotal, int maxPerAddress)
    : m_maxTotal(maxTotal), m_maxPerAddress(maxPerAddress)
{
}

std::optional<ConnectionLimiter::Slot> ConnectionLimiter::tryAcquire(const QHostAddress &address,
                                                                     bool exemptPerAddress)
{
    std::lock_guard lock(m_mutex);
    if (m_total >= m_maxTotal)
        return std::nullopt;
    if (!exemptPerAddress) {
        int &count = m_perAddress[address];
        if (count >= m_maxPerAddress) {
            if (count == 0)
                m_perAddress.remove(address);
            return std::nullopt;
        }
        ++count;
    }
    ++m_total;
    return Slot(this, address, !exemptPerAddress);
}

int ConnectionLimiter::openConnections() const
{
    std::lock_guard lock(m_mutex);
    return m_total;
}

void ConnectionLimiter::release(const QHostAddress &address, bool countedPerAddress)
{
    std::lock_guard lock(m_mutex);
    --m_total;
    if (!countedPerAddress)
        return;
    auto it = m_perAddress.find(address);
    if (it != m_perAddress.end() && --it.value() == 0)
        m_perAddress.erase(it);
}

} // namespace ddd::agent::http
