// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/agent/countingsink.h"

#include <algorithm>

namespace ddd::test {

core::Status CountingSink::write(const char * /*data*/, std::size_t size)
{
    m_log.bytes += qint64(size);
    qint64 largest = m_log.largestWrite;
    while (qint64(size) > largest && !m_log.largestWrite.compare_exchange_weak(largest, qint64(size))) {
    }
    return {};
}

core::Status CountingSink::finish()
{
    ++m_log.finished;
    return {};
}

void CountingSink::abort()
{
    ++m_log.aborted;
}

} // namespace ddd::test
