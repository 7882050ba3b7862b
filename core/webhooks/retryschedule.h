// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace ddd::core::webhooks {

// When a failed delivery is tried again: after the first failed attempt
// wait delays[0], after the second delays[1], ... and once they are used
// up the delivery has failed. The default backs off exponentially-ish over
// about eight and a half hours: 1 min, 5 min, 30 min, 2 h, 6 h.
class RetrySchedule final
{
public:
    RetrySchedule(); // the default schedule
    explicit RetrySchedule(QList<qint64> delaysSeconds) : m_delays(std::move(delaysSeconds)) {}

    // Seconds as text (the webhooks.retry_delays setting): `config.invalid`
    // unless each is a whole number from 0 to 7 days and there are at most 20.
    static Result<RetrySchedule> fromText(const QStringList &delays);

    // The delay in milliseconds after `attempts` failed attempts, none once
    // the schedule is used up.
    std::optional<qint64> delayAfter(int attempts) const;
    int maxAttempts() const { return int(m_delays.size()) + 1; }
    const QList<qint64> &delaysSeconds() const { return m_delays; }

private:
    QList<qint64> m_delays;
};

} // namespace ddd::core::webhooks
