// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSet>
#include <QString>

#include <optional>

namespace ddd::core::model {

// A scoped API token for automation, without its secret: only a SHA-256 of
// the secret is stored, and the secret itself is shown once at creation.
// Times are Unix milliseconds (UTC).
struct ApiToken final
{
    qint64 id = 0;
    qint64 userId = 0;
    QString name;
    QSet<QString> capabilities;
    std::optional<qint64> projectId;
    std::optional<qint64> expiresAt;
    qint64 createdAt = 0;
    std::optional<qint64> lastUsedAt;
};

} // namespace ddd::core::model
