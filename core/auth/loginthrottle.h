// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QString>

#include <atomic>
#include <memory>

namespace ddd::core {
class Clock;
}

namespace ddd::core::storage {
class FailureLog;
}

namespace ddd::core::auth {

// Counts failed logins (security guide 6.4) over a sliding window, under
// three keys at once:
//  - (client address, account): one source guessing one account;
//  - client address: one source spraying many accounts;
//  - account, across all addresses: a distributed attack on one account is
//    still stopped after `perAccount` failures (NIST SP 800-63B 5.2.2).
// A full counter blocks only attempts that share its key, so while one
// address is locked out of account A, other addresses and other accounts
// still log in. Successes clear that account's counters. Accounts are keyed
// by EmailAddress::key, so unknown addresses are counted exactly like
// registered ones. The failures are kept in a FailureLog: the database for
// logins, this process's memory for site passwords (the default).
// Thread-safe.
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

    // In this process's memory.
    explicit LoginThrottle(const Clock &clock);
    LoginThrottle(const Clock &clock, Limits limits);
    LoginThrottle(const Clock &clock, storage::FailureLog &log);
    LoginThrottle(const Clock &clock, storage::FailureLog &log, Limits limits);
    ~LoginThrottle();

    // `auth.rate_limited` with details.retryAfterSeconds (whole seconds, rounded
    // up, until the oldest counted failure leaves the window) when this attempt
    // would exceed any limit; the log's error when it cannot be read.
    Status check(const QString &clientAddress, const QString &email);
    void recordFailure(const QString &clientAddress, const QString &email);
    void recordSuccess(const QString &clientAddress, const QString &email);

private:
    struct Keys;
    Result<qint64> remainingMs(const QString &key, int limit, qint64 now);
    void pruneIfDue(qint64 now);

    const Clock &m_clock;
    const Limits m_limits;
    std::unique_ptr<storage::FailureLog> m_ownLog;
    storage::FailureLog &m_log;
    std::atomic<qint64> m_lastPruneMs = 0;
};

} // namespace ddd::core::auth
