// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <mutex>
#include <optional>
#include <utility>

namespace ddd::core::auth {

// A non-blocking counting semaphore bounding how many argon2 computations run
// at once, so peak memory stays at capacity x 19 MiB however many logins
// arrive. Callers that find it full are refused at once (auth.busy, 503)
// instead of queueing: a queue would only turn a login flood into unbounded
// latency and memory for the waiting requests.
class HashingSlots final
{
public:
    // Holding a Permit occupies one slot; destroying it frees the slot.
    class Permit final
    {
    public:
        explicit Permit(HashingSlots &owner) : m_owner(&owner) {}
        Permit(Permit &&other) noexcept : m_owner(std::exchange(other.m_owner, nullptr)) {}
        Permit(const Permit &) = delete;
        Permit &operator=(const Permit &) = delete;
        Permit &operator=(Permit &&) = delete;
        ~Permit()
        {
            if (m_owner)
                m_owner->release();
        }

    private:
        HashingSlots *m_owner;
    };

    static constexpr int kDefaultCapacity = 2;

    explicit HashingSlots(int capacity = kDefaultCapacity) : m_capacity(capacity) {}
    HashingSlots(const HashingSlots &) = delete;
    HashingSlots &operator=(const HashingSlots &) = delete;

    // A permit if a slot is free right now, otherwise nothing.
    std::optional<Permit> tryAcquire();

    int capacity() const { return m_capacity; }

private:
    void release();

    std::mutex m_mutex;
    const int m_capacity;
    int m_inUse = 0;
};

} // namespace ddd::core::auth
