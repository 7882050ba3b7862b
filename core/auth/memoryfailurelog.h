// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/failurelog.h"

#include <QHash>

#include <deque>
#include <mutex>

namespace ddd::core::auth {

// Failed attempts kept in this process only: site passwords are checked on
// the serving path, where a database round trip per attempt is not wanted
// (and a site agent writes nothing but its heartbeat). Thread-safe.
class MemoryFailureLog final : public storage::FailureLog
{
public:
    Result<std::optional<qint64>> nthLatest(const QString &key, int n, qint64 afterMs) override;
    Status record(const QStringList &keys, qint64 atMs) override;
    Status forget(const QStringList &keys) override;
    Status forgetUpTo(qint64 cutoffMs) override;

private:
    std::mutex m_mutex;
    QHash<QString, std::deque<qint64>> m_failures; // oldest first
};

} // namespace ddd::core::auth
