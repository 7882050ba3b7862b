// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace ddd::core::model {

// A project's domain aliases: further production host names (the apex beside
// www, an old domain) that redirect to the project's domain. Each follows the
// domain rules; refusals are `project.invalid_aliases` with details
// {"reason", "index"?}.
class ProjectAliases final
{
public:
    static constexpr qsizetype MaxAliases = 10;

    // An array of host names, normalised (lower-case, no trailing dot), none
    // under `reservedSuffix` (the staging base domain), no duplicates.
    static Result<QStringList> fromJson(const QJsonValue &value, const QString &reservedSuffix);
    // Aliases need a domain to redirect to, and are never the domain itself.
    static Status checkAgainstDomain(const QStringList &aliases, const std::optional<QString> &domain);
};

} // namespace ddd::core::model
