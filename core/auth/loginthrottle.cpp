// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/auth/loginthrottle.h"

#include "core/model/emailaddress.h"
#include "core/util/clock.h"

#include <QJsonObject>

#include <algorithm>

namespace ddd::core::auth {

namespace {

// Login bodies may carry any string as the e-mail; a bounded key keeps an
// attacker from storing megabytes per failed attempt.
QString accountKey(const QString &email)
{
    return model::EmailAddress::key(email.left(model::EmailAddress::kMaxLength + 1));
}

template<typename Logs>
void pruneLogs(Logs &logs, qint64 cutoff)
{
    for (auto it = logs.begin(); it != logs.end();) {
        if (it->empty() || it->back() <= cutoff)
            it = logs.erase(it);
        else
            ++it;
    }
}

} // namespace

LoginThrottle::LoginThrottle(const Clock &clock) : LoginThrottle(clock, Limits{}) {}

LoginThrottle::LoginThrottle(const Clock &clock, Limits limits) : m_clock(clock), m_limits(limits) {}

template<typename Key>
qint64 LoginThrottle::remainingMs(Logs<Key> &logs, const Key &key, int limit, qint64 now)
{
    const auto it = logs.find(key);
    if (it == logs.end())
        return 0;
    FailureLog &log = *it;
    while (!log.empty() && log.front() <= now - m_limits.windowMs)
        log.pop_front();
    if (qsizetype(log.size()) < limit)
        return 0;
    return log.front() + m_limits.windowMs - now;
}

template<typename Key>
void LoginThrottle::record(Logs<Key> &logs, const Key &key, int limit, qint64 now)
{
    FailureLog &log = logs[key];
    log.push_back(now);
    while (qsizetype(log.size()) > limit)
        log.pop_front();
}

Status LoginThrottle::check(const QString &clientAddress, const QString &email)
{
    const QString account = accountKey(email);
    const qint64 now = m_clock.nowMs();
    std::lock_guard lock(m_mutex);
    const qint64 waitMs = std::max({
        remainingMs(m_byAccountAndAddress, PairKey(clientAddress, account), m_limits.perAccountAndAddress, now),
        remainingMs(m_byAddress, clientAddress, m_limits.perAddress, now),
        remainingMs(m_byAccount, account, m_limits.perAccount, now),
    });
    if (waitMs <= 0)
        return {};
    const qint64 seconds = (waitMs + 999) / 1000;
    return Error::make(u"auth.rate_limited"_qs, u"too many failed logins, try again later"_qs,
                       {{u"retryAfterSeconds"_qs, seconds}});
}

void LoginThrottle::recordFailure(const QString &clientAddress, const QString &email)
{
    const QString account = accountKey(email);
    const qint64 now = m_clock.nowMs();
    std::lock_guard lock(m_mutex);
    pruneIfDue(now);
    record(m_byAccountAndAddress, PairKey(clientAddress, account), m_limits.perAccountAndAddress, now);
    record(m_byAddress, clientAddress, m_limits.perAddress, now);
    record(m_byAccount, account, m_limits.perAccount, now);
}

void LoginThrottle::recordSuccess(const QString &clientAddress, const QString &email)
{
    // The address counter stays: one valid account of its own must not let a
    // source reset its budget for guessing at everybody else's.
    const QString account = accountKey(email);
    std::lock_guard lock(m_mutex);
    m_byAccountAndAddress.remove(PairKey(clientAddress, account));
    m_byAccount.remove(account);
}

void LoginThrottle::pruneIfDue(qint64 now)
{
    if (now - m_lastPruneMs < m_limits.windowMs)
        return;
    const qint64 cutoff = now - m_limits.windowMs;
    pruneLogs(m_byAccountAndAddress, cutoff);
    pruneLogs(m_byAddress, cutoff);
    pruneLogs(m_byAccount, cutoff);
    m_lastPruneMs = now;
}

} // namespace ddd::core::auth
