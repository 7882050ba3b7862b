// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace ddd::core::client {

// A project as a client sees it (docs/api.md, "Projects"): no owner, no
// password hashes, but the staging host the agent serves it under.
struct RemoteProject final
{
    struct Settings final
    {
        bool spaMode = false;
        bool optOutMinify = false;
        QStringList buildFlags;
        bool sitePasswordEnabled = false;
        QStringList siteUsers; // usernames only; passwords never come back
        bool operator==(const Settings &) const = default;
    };

    qint64 id = 0;
    QString name;
    std::optional<QString> domain;
    QString slug;
    QString stagingHost; // empty when the agent does not name one
    Settings settings;
    qint64 createdAt = 0; // Unix ms, UTC
    qint64 updatedAt = 0;

    // The host the site answers on: its domain, else its staging host.
    QString siteHost() const;

    // Decodes strictly where the contract is fixed; settings fields the agent
    // leaves out keep their defaults, since requests may omit them too.
    static Result<RemoteProject> fromJson(const QJsonObject &json);
};

} // namespace ddd::core::client
