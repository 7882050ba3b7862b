// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/acme/certificatestatus.h"

#include <QStringList>

#include <optional>

namespace ddd::core::acme {

// When to ask the ACME server for a project's certificate. Pure: the status
// on disk, the names the project has now and the time decide, so every rule
// here is tested without a network.
class RenewalPolicy final
{
public:
    static constexpr qint64 dayMs = 24 * 3600 * 1000;
    // A certificate is never renewed sooner than this after it was obtained,
    // also when renew_days exceeds its lifetime (a short-lived CA, a test):
    // Let's Encrypt allows 5 duplicate certificates a week.
    static constexpr qint64 minimumLifetimeMs = dayMs;
    // The first retry after a failure; each further failure doubles it.
    static constexpr qint64 firstRetryMs = 5 * 60 * 1000;
    // The longest wait between retries. Let's Encrypt allows 5 failed
    // validations per hostname an hour; this stays far below it.
    static constexpr qint64 longestRetryMs = dayMs;

    explicit RenewalPolicy(int renewDays) : m_renewDays(renewDays) {}

    // The names a project's certificate covers: the domain first, then the
    // aliases in their order, without repeats. Empty: the project needs none.
    static QStringList namesFor(const std::optional<QString> &domain, const QStringList &aliases);

    // When the next attempt is due (a time <= now: now). `status` is absent
    // before the first attempt for the project.
    qint64 nextAttempt(const std::optional<CertificateStatus> &status, const QStringList &names) const;
    static qint64 retryDelayMs(int failures);

private:
    int m_renewDays;
};

} // namespace ddd::core::acme
