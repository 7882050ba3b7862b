// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "agent/http/response.h"
#include "core/util/error.h"

#include <QString>

namespace ddd::agent::http {

// The one place that maps an error code to an HTTP status: an explicit table
// of exact codes, then suffix and prefix families, then 500.
int statusForErrorCode(const QString &code);

// {"error":{"code","message","details"?}} with the status of the code, plus
// the headers that status requires (WWW-Authenticate on 401, Retry-After on
// 429). 500 answers keep the code but hide message and details, which may
// name files or SQL; the full error is logged instead.
Response errorResponse(const core::Error &error);

} // namespace ddd::agent::http
