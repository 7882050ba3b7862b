// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QHostAddress>

#include <mutex>
#include <optional>

namespace ddd::agent::http {

// Counts open connections, in total and per peer address, so one client
// opening hundreds of idle sockets (slowloris) hits its own cap long before
// the global one. Thread-safe: slots are taken and released on I/O threads.
class ConnectionLimiter final
{
public:
    // Holds one connection's place; gives it back when destroyed.
    class Slot final
    {
    public:
        Slot(Slot &&other) noexcept;
        Slot &operator=(Slot &&) = delete;
        Slot(const Slot &) = delete;
        ~Slot();

    private:
        friend class ConnectionLimiter;
        Slot(ConnectionLimiter *limiter, QHostAddress address, bool countedPerAddress);

        ConnectionLimiter *m_limiter;
        QHostAddress m_address;
        bool m_countedPerAddress;
    };

    ConnectionLimiter(int maxTotal, int maxPerAddress);
    ConnectionLimiter(const ConnectionLimiter &) = delete;
    ConnectionLimiter &operator=(const ConnectionLimiter &) = delete;

    // nullopt when a cap is reached. Trusted proxies carry many clients, so
    // they are `exemptPerAddress` and only count towards the total.
    std::optional<Slot> tryAcquire(const QHostAddress &address, bool exemptPerAddress);
    int openConnections() const;

private:
    void release(const QHostAddress &address, bool countedPerAddress);

    const int m_maxTotal;
    const int m_maxPerAddress;
    mutable std::mutex m_mutex;
    int m_total = 0;
    QHash<QHostAddress, int> m_perAddress;
};

} // namespace ddd::agent::http
