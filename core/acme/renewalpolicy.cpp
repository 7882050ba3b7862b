// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/acme/renewalpolicy.h"

#include <algorithm>

namespace ddd::core::acme {

QStringList RenewalPolicy::namesFor(const std::optional<QString> &domain, const QStringList &aliases)
{
    if (!domain || domain->isEmpty())
        return {};
    QStringList names{*domain};
    for (const QString &alias : aliases)
        if (!alias.isEmpty() && !names.contains(alias))
            names << alias;
    return names;
}

qint64 RenewalPolicy::retryDelayMs(int failures)
{
    qint64 delay = firstRetryMs;
    for (int i = 1; i < failures && delay < longestRetryMs; ++i)
        delay *= 2;
    return std::min(delay, longestRetryMs);
}

// 0 stands for "as soon as possible": every time is at or after it.
qint64 RenewalPolicy::nextAttempt(const std::optional<CertificateStatus> &status, const QStringList &names) const
{
    if (!status || status->names != names)
        return 0; // new names: a new order now, whatever the backoff of the old ones
    switch (status->state) {
    case CertificateStatus::State::Pending:
        return 0; // never finished, for example interrupted by a restart
    case CertificateStatus::State::Failed:
        return status->lastAttemptMs.value_or(0) + retryDelayMs(status->failures);
    case CertificateStatus::State::Valid:
        break;
    }
    if (!status->notAfterMs || !status->issuedAtMs)
        return 0;
    const qint64 renewAt = *status->notAfterMs - qint64(m_renewDays) * dayMs;
    return std::max(renewAt, *status->issuedAtMs + minimumLifetimeMs);
}

} // namespace ddd::core::acme
