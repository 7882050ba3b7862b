// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/projectsettings.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace ddd::core::model {

// A site owned by one user. `domain` is the normalised (lower-case) host the
// site is served under in production, the canonical one its aliases redirect to; `slug` names its staging site. Times
// are Unix milliseconds, UTC.
struct Project final
{
    qint64 id = 0;
    qint64 ownerId = 0;
    QString name;
    std::optional<QString> domain;
    // Further production hosts (e.g. the apex beside www), redirected to `domain`.
    QStringList aliases;
    QString slug;
    ProjectSettings settings;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    bool operator==(const Project &) const = default;
};

} // namespace ddd::core::model
