// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace ddd::core::storage {

// The times of recent failed attempts under string keys, which
// auth::LoginThrottle counts: in the database for account logins
// (LoginFailureStore: every agent with the api role and every restart sees
// the same counts), in memory for site passwords (auth::MemoryFailureLog:
// checked on the serving path, per process).
class FailureLog
{
public:
    virtual ~FailureLog() = default;

    // The time of the `n`-th most recent failure under `key` later than
    // `afterMs`, or nothing when there are fewer than `n` of them.
    virtual Result<std::optional<qint64>> nthLatest(const QString &key, int n, qint64 afterMs) = 0;
    // One failure at `atMs` under each of `keys`.
    virtual Status record(const QStringList &keys, qint64 atMs) = 0;
    virtual Status forget(const QStringList &keys) = 0;
    // Drops every failure at or before `cutoffMs`.
    virtual Status forgetUpTo(qint64 cutoffMs) = 0;
};

} // namespace ddd::core::storage
