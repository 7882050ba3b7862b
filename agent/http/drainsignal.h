// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to agent/http.
#include <QtGlobal>

#include <atomic>
#include <functional>
#include <map>
#include <mutex>

namespace ddd::agent::http {

// Tells every open connection of a server that it is shutting down, so each
// finishes what it is answering and then closes (HTTP/1.1) or sends GOAWAY
// (HTTP/2) instead of being cut mid-answer. Callbacks run on the thread that
// calls begin(), or at once in add() once draining: they only post to their
// connection's own thread.
class DrainSignal final
{
public:
    // Unregisters when destroyed; move-only.
    class Registration final
    {
    public:
        Registration() = default;
        Registration(DrainSignal *signal, quint64 id) : m_signal(signal), m_id(id) {}
        Registration(Registration &&other) noexcept;
        Registration &operator=(Registration &&other) noexcept;
        ~Registration();

    private:
        DrainSignal *m_signal = nullptr;
        quint64 m_id = 0;
    };

    Registration add(std::function<void()> onDrain);
    // Idempotent: only the first call notifies.
    void begin();
    bool draining() const { return m_draining.load(std::memory_order_acquire); }

private:
    void remove(quint64 id);

    std::mutex m_mutex;
    std::map<quint64, std::function<void()>> m_callbacks;
    quint64 m_nextId = 1;
    std::atomic<bool> m_draining{false};
};

} // namespace ddd::agent::http
