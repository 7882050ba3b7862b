// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/clock.h"

#include <atomic>

namespace ddd::test {

// A clock tests move by hand; thread-safe so the in-process agent may read it.
class FakeClock final : public core::Clock
{
public:
    explicit FakeClock(qint64 startMs = 1'800'000'000'000) : m_now(startMs) {}
    qint64 nowMs() const override { return m_now.load(); }
    void advanceMs(qint64 ms) { m_now += ms; }
    void setMs(qint64 ms) { m_now = ms; }

private:
    std::atomic<qint64> m_now;
};

} // namespace ddd::test
