// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

namespace ddd::core {

// Randomness is injected like time, so tests can script it (a slug clash, a
// predictable token) while production draws from the operating system.
class Random
{
public:
    virtual ~Random() = default;
    // `count` bytes; production implementations are cryptographically secure.
    virtual QByteArray bytes(qsizetype count) = 0;
};

// The kernel's CSPRNG (getrandom) through QRandomGenerator::system(); it
// cannot fail once the process has started, so there is no error path.
class SystemRandom final : public Random
{
public:
    QByteArray bytes(qsizetype count) override;
};

} // namespace ddd::core
