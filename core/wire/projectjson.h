// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/project.h"
#include "core/util/result.h"

#include <QJsonObject>

namespace ddd::core::wire {

// {"id", "ownerId", "name", "domain" (null when absent), "aliases", "slug", "settings",
// "createdAt", "updatedAt"} with ISO 8601 UTC times.
QJsonObject toJson(const model::Project &project);
// {"spaMode", "optOutMinify", "buildFlags", "sitePassword": {"enabled",
// "users": [{"username"}], "scope"}, "build": {"generator", "npmScript", "outputDir",
// "publishAutomatically", "git": {"url", "branch"}}}: site users' passwords and hashes never leave.
QJsonObject toJson(const model::ProjectSettings &settings);
// The client side; `wire.unexpected_json` with details {"field"} when a field
// is missing or of the wrong type. Site users come back without hashes.
Result<model::Project> projectFromJson(const QJsonObject &json);

} // namespace ddd::core::wire
