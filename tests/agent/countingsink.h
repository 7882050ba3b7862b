// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/bodysink.h"

#include <atomic>

namespace ddd::test {

// What the server did to the sinks of one test, readable from the test thread.
struct SinkLog final
{
    std::atomic<qint64> bytes = 0;
    std::atomic<qint64> largestWrite = 0;
    std::atomic<int> finished = 0;
    std::atomic<int> aborted = 0;
};

// A BodySink that only counts, so tests can prove how a body was streamed.
class CountingSink final : public agent::http::BodySink
{
public:
    explicit CountingSink(SinkLog &log) : m_log(log) {}
    core::Status write(const char *data, std::size_t size) override;
    core::Status finish() override;
    void abort() override;

private:
    SinkLog &m_log;
};

} // namespace ddd::test
