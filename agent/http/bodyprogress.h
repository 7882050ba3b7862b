// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace ddd::agent::http {

// Whether a request body is still arriving fast enough, by two rules that
// replace a deadline for the whole body (which made a large upload on a
// slow line fail however steadily it progressed):
//  - idle: no byte for `idleTimeout`;
//  - too slow: fewer than `minBytesPerSecond` on average over the last
//    `rateWindow`, judged once the body has been arriving for a window, so a
//    client dripping a byte now and then is still cut off.
// Pure bookkeeping with explicit times, so it is tested without sockets.
class BodyProgress final
{
public:
    using Clock = std::chrono::steady_clock;

    struct Rules
    {
        std::chrono::milliseconds idleTimeout{30'000};
        qint64 minBytesPerSecond = 1024;
        std::chrono::milliseconds rateWindow{60'000};
    };

    BodyProgress(const Rules &rules, Clock::time_point start);

    void received(qint64 bytes, Clock::time_point now);
    // The moment a rule breaks if nothing more arrives before it.
    Clock::time_point deadline() const;
    // The broken rule, said for the client, or nothing while both hold.
    std::optional<QString> brokenRule(Clock::time_point now) const;

private:
    struct Sample
    {
        Clock::time_point at;
        qint64 total; // bytes received up to `at`
    };

    qint64 windowFloor() const;
    Clock::time_point rateDeadline() const;
    void forgetOldSamples(Clock::time_point now);

    Rules m_rules;
    Clock::time_point m_start;
    Clock::time_point m_lastByte;
    qint64 m_total = 0;
    // Totals at coarse moments (a sixteenth of the window apart), oldest
    // first; bounded however many chunks arrive.
    QList<Sample> m_samples;
};

} // namespace ddd::agent::http
