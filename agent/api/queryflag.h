// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/request.h"
#include "core/util/result.h"

#include <QString>

namespace ddd::agent::api {

// A yes/no option in a request's query (`?activate=true`, `?build=1`), read
// the same way on every route so it can be refused before a body is read.
class QueryFlag final
{
public:
    // Absent, "false" or "0": no; "true" or "1": yes; anything else is
    // `request.invalid_field` naming the option.
    static core::Result<bool> read(const http::Request &request, const QString &name);
};

} // namespace ddd::agent::api
