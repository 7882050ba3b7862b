// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QJsonObject>
#include <QString>
#include <QUrl>

#include <chrono>

namespace ddd::core::client {

// An expiring link past a protected site's password, as
// POST /api/v1/projects/{id}/share-links answers it (docs/api.md, "Site
// protection"). Whoever holds `url` sees the site until `expiresAt`.
struct ShareLink final
{
    // The lifetimes the agent accepts for `expiresInSeconds`.
    static constexpr std::chrono::seconds MinLifetime{60};
    static constexpr std::chrono::seconds MaxLifetime{30 * 24 * 3600};

    QString token;
    QUrl url;
    qint64 expiresAt = 0; // Unix ms, UTC

    static Result<ShareLink> fromJson(const QJsonObject &json);
};

} // namespace ddd::core::client
