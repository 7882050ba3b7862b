// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QHash>
#include <QString>

#include <deque>
#include <mutex>
#include <utility>

namespace ddd::core {
class Clock;
}

namespace ddd::core::auth {

// Counts failed logins in memory (security guide 6.4) over a sliding window,
// under three keys at once:
//  - (client address, account): one source guessing one account;
//  - client address: one source spraying many accounts;
//  - account, across all addresses: a distributed attack on one account is
//    still stopped after `perAccount` failures (NIST SP 800-63B 5.2.2).
// A full counter blocks only attempts that share its key, so while one
// address is locked out of account A, other addresses and other accounts
// still log in. Successes cost nothing and clear that account's counters.
// Accounts are keyed by EmailAddress::key, so unknown addresses are counted
// exactly like registered ones. Thread-safe.
class LoginThrottle final
{
public:
    struct Limits final
    {
        qint64 windowMs = 15 * 60 * 1000;
        int perAccountAndAddress = 10;
        int perAddress = 30;
        int perAccount = 100;
    };

    explicit LoginThrottle(const Clock &clock);
    LoginThrottle(const Clock &clock, Limits limits);

    // `auth.rate_limited` with details.retryAfterSeconds (whole seconds, rounded
    // up, until the oldest counted failure leaves the window) when this attempt
    // would exceed any limit.
    Status check(const QString &clientAddress, const QString &email);
    void recordFailure(const QString &clientAddress, const QString &email);
    void recordSuccess(const QString &clientAddress, const QString &email);

private:
    // Times of the most recent failures, oldest first, never more than the limit.
    using FailureLog = std::deque<qint64>;
    template<typename Key>
    using Logs = QHash<Key, FailureLog>;
    using PairKey = std::pair<QString, QString>;

    template<typename Key>
    qint64 remainingMs(Logs<Key> &logs, const Key &key, int limit, qint64 now);
    template<typename Key>
    void record(Logs<Key> &logs, const Key &key, int limit, qint64 now);
    void pruneIfDue(qint64 now);

    const Clock &m_clock;
    const Limits m_limits;
    std::mutex m_mutex;
    Logs<PairKey> m_byAccountAndAddress;
    Logs<QString> m_byAddress;
    Logs<QString> m_byAccount;
    qint64 m_lastPruneMs = 0;
};

} // namespace ddd::core::auth
