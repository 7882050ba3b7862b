// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/error.h"

#include <QJsonObject>

#include <optional>

namespace ddd::core::wire {

// {"error": {"code": "...", "message": "...", "details": {...}}}, the body of
// every API error.
QJsonObject errorToJson(const Error &error);
// The client side: nothing when the body is not an error of that shape (a
// proxy's HTML page, say). Missing details read as an empty object.
std::optional<Error> errorFromJson(const QJsonObject &json);

} // namespace ddd::core::wire
