// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/user.h"
#include "core/util/result.h"

#include <QJsonObject>

namespace ddd::core::wire {

// {"id", "email", "role", "createdAt"}: never the password hash or token version.
QJsonObject toJson(const model::User &user);
// The client side; `wire.unexpected_json` with details {"field"} when a field
// is missing or of the wrong type. Fields not on the wire read as zero.
Result<model::User> userFromJson(const QJsonObject &json);

} // namespace ddd::core::wire
