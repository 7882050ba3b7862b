// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <optional>

namespace ddd::core::client {

// A build hook (docs/api.md, "Build hooks"): a secret URL that rebuilds the
// project's newest source. The URL comes back only when the hook is created.
struct BuildHook final
{
    qint64 id = 0;
    QString name;
    QUrl url; // empty in lists
    qint64 createdAt = 0; // Unix ms, UTC
    std::optional<qint64> lastUsedAt;

    static Result<BuildHook> fromJson(const QJsonObject &json);
};

} // namespace ddd::core::client
