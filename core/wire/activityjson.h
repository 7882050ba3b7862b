// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/activityentry.h"
#include "core/util/result.h"

#include <QJsonObject>

namespace ddd::core::wire {

// {"id", "at", "kind", "actor": {"id", "email", "via"}, "version", "outcome",
// "code", "detail"} (docs/api.md "Activity").
QJsonObject activityEntryToJson(const model::ActivityEntry &entry);
// The client side; `wire.unexpected_json` naming the first bad field.
Result<model::ActivityEntry> activityEntryFromJson(const QJsonObject &json);

} // namespace ddd::core::wire
