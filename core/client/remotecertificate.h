// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace ddd::core::client {

// A project's automatic certificate as the agent reports it
// (GET /api/v1/projects/{id}/certificate, docs/api.md).
struct RemoteCertificate final
{
    enum class State { None, Pending, Valid, Failed };

    bool enabled = false; // the agent runs with acme.enabled
    State state = State::None;
    QStringList names;
    std::optional<qint64> notAfterMs; // of the certificate in service
    std::optional<qint64> lastAttemptMs;
    std::optional<qint64> nextAttemptMs;
    QString lastError;
    int failures = 0;

    static Result<RemoteCertificate> fromJson(const QJsonObject &json);
};

} // namespace ddd::core::client
