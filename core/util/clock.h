// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

namespace ddd::core {

// Time is injected so tests can move it (token expiry, throttling windows).
class Clock
{
public:
    virtual ~Clock() = default;
    // Unix time in milliseconds, UTC.
    virtual qint64 nowMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
};

} // namespace ddd::core
