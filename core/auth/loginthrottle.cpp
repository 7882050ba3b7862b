// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/loginthrottle.h"

#include "core/auth/memoryfailurelog.h"
#include "core/model/emailaddress.h"
#include "core/util/clock.h"

#include <QJsonObject>
#include <QLoggingCategory>

#include <algorithm>

namespace ddd::core::auth {

Q_LOGGING_CATEGORY(lcThrottle, "ddd.core.auth.throttle")

// The three counters of one attempt. Login bodies may carry any string as
// the e-mail; a bounded key keeps an attacker from storing megabytes per
// failed attempt.
struct LoginThrottle::Keys final
{
    Keys(const QString &clientAddress, const QString &email)
        : account(u"account:"_qs + model::EmailAddress::key(email.left(model::EmailAddress::kMaxLength + 1))),
          address(u"address:"_qs + clientAddress), pair(address + u' ' + account)
    {
    }
    QString account;
    QString address;
    QString pair;
};

LoginThrottle::LoginThrottle(const Clock &clock) : LoginThrottle(clock, Limits{}) {}

LoginThrottle::LoginThrottle(const Clock &clock, storage::FailureLog &log) : LoginThrottle(clock, log, Limits{}) {}

LoginThrottle::LoginThrottle(const Clock &clock, Limits limits)
    : m_clock(clock), m_limits(limits), m_ownLog(std::make_unique<MemoryFailureLog>()), m_log(*m_ownLog)
{
}

LoginThrottle::LoginThrottle(const Clock &clock, storage::FailureLog &log, Limits limits)
    : m_clock(clock), m_limits(limits), m_log(log)
{
}

LoginThrottle::~LoginThrottle() = default;

Result<qint64> LoginThrottle::remainingMs(const QString &key, int limit, qint64 now)
{
    Result<std::optional<qint64>> oldestCounted = m_log.nthLatest(key, limit, now - m_limits.windowMs);
    if (!oldestCounted)
        return oldestCounted.error();
    return *oldestCounted ? **oldestCounted + m_limits.windowMs - now : 0;
}

Status LoginThrottle::check(const QString &clientAddress, const QString &email)
{
    const Keys keys(clientAddress, email);
    const qint64 now = m_clock.nowMs();
    qint64 waitMs = 0;
    for (const auto &[key, limit] : {std::pair(keys.pair, m_limits.perAccountAndAddress),
                                     std::pair(keys.address, m_limits.perAddress),
                                     std::pair(keys.account, m_limits.perAccount)}) {
        Result<qint64> remaining = remainingMs(key, limit, now);
        if (!remaining)
            return remaining.error();
        waitMs = std::max(waitMs, *remaining);
    }
    if (waitMs <= 0)
        return {};
    const qint64 seconds = (waitMs + 999) / 1000;
    return Error::make(u"auth.rate_limited"_qs, u"too many failed logins, try again later"_qs,
                       {{u"retryAfterSeconds"_qs, seconds}});
}

void LoginThrottle::recordFailure(const QString &clientAddress, const QString &email)
{
    const Keys keys(clientAddress, email);
    const qint64 now = m_clock.nowMs();
    pruneIfDue(now);
    if (Status recorded = m_log.record({keys.pair, keys.address, keys.account}, now); !recorded)
        qCWarning(lcThrottle).noquote() << "a failed attempt was not counted:" << recorded.error().message;
}

void LoginThrottle::recordSuccess(const QString &clientAddress, const QString &email)
{
    // The address counter stays: one valid account of its own must not let a
    // source reset its budget for guessing at everybody else's.
    const Keys keys(clientAddress, email);
    if (Status forgotten = m_log.forget({keys.pair, keys.account}); !forgotten)
        qCWarning(lcThrottle).noquote() << "failed attempts were not cleared:" << forgotten.error().message;
}

void LoginThrottle::pruneIfDue(qint64 now)
{
    qint64 last = m_lastPruneMs.load();
    if (now - last < m_limits.windowMs || !m_lastPruneMs.compare_exchange_strong(last, now))
        return;
    if (Status pruned = m_log.forgetUpTo(now - m_limits.windowMs); !pruned)
        qCWarning(lcThrottle).noquote() << "expired failed attempts were not dropped:" << pruned.error().message;
}

} // namespace ddd::core::auth
