// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace ddd::core {

// JSON parsing for security-relevant input (JWT headers and claims, request
// bodies). QJsonDocument silently keeps the last of two equal keys, so
// {"alg":"HS256","alg":"none"} would mean different things to different
// parsers; here a duplicate key at any depth is an error, and the top level
// must be an object.
class StrictJson final
{
public:
    // Fails with `json.invalid`; details.reason is "syntax", "not_object" or
    // "duplicate_key".
    static Result<QJsonObject> parseObject(const QByteArray &json);
};

} // namespace ddd::core
