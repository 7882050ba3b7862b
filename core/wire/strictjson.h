// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace ddd::core::wire {

// Parses a request body that must be one JSON object. Refuses malformed JSON,
// any other top-level value and objects with a repeated key (at any depth:
// QJsonDocument would silently keep one of them, so two readers of the same
// body could disagree). Keys are compared after unescaping, so "a" and
// "\u0061" are the same key. Refusal: `request.invalid_json` (400) with
// details {"reason": "syntax" | "not_object" | "duplicate_key"}.
Result<QJsonObject> parseObject(const QByteArray &body);

} // namespace ddd::core::wire
