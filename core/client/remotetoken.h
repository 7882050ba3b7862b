// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace ddd::core::client {

// One of the caller's API tokens as GET /api/v1/tokens lists it (never its secret).
struct RemoteToken final
{
    qint64 id = 0;
    QString name;
    QStringList capabilities;
    std::optional<qint64> projectId;
    std::optional<qint64> expiresAt; // Unix ms, UTC
    qint64 createdAt = 0;
    std::optional<qint64> lastUsedAt;

    static Result<RemoteToken> fromJson(const QJsonObject &json);
};

} // namespace ddd::core::client
