// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/failurelog.h"

namespace ddd::core::storage {

class ConnectionProvider;

// login_failures (schema step 18): failed logins, one row per key and
// attempt, so a retry that lands on another agent, or after a restart, is
// counted with the ones before it.
class LoginFailureStore final : public FailureLog
{
public:
    explicit LoginFailureStore(ConnectionProvider &connections);

    Result<std::optional<qint64>> nthLatest(const QString &key, int n, qint64 afterMs) override;
    Status record(const QStringList &keys, qint64 atMs) override;
    Status forget(const QStringList &keys) override;
    Status forgetUpTo(qint64 cutoffMs) override;

private:
    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
