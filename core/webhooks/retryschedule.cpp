// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/webhooks/retryschedule.h"

namespace ddd::core::webhooks {

namespace {
constexpr qint64 MaxDelaySeconds = 7 * 24 * 3600;
constexpr qsizetype MaxRetries = 20;
} // namespace

RetrySchedule::RetrySchedule() : m_delays{60, 300, 1800, 7200, 21600} {}

Result<RetrySchedule> RetrySchedule::fromText(const QStringList &delays)
{
    if (delays.size() > MaxRetries)
        return Error::make(u"config.invalid"_qs, u"webhooks.retry_delays: at most 20 delays"_qs);
    QList<qint64> seconds;
    for (const QString &text : delays) {
        bool ok = false;
        const qint64 value = text.trimmed().toLongLong(&ok);
        if (!ok || value < 0 || value > MaxDelaySeconds)
            return Error::make(u"config.invalid"_qs,
                               u"webhooks.retry_delays: each delay is whole seconds from 0 to 604800, not "_qs + text);
        seconds.append(value);
    }
    return RetrySchedule(seconds);
}

std::optional<qint64> RetrySchedule::delayAfter(int attempts) const
{
    if (attempts < 1 || attempts > m_delays.size())
        return std::nullopt;
    return m_delays.at(attempts - 1) * 1000;
}

} // namespace ddd::core::webhooks
