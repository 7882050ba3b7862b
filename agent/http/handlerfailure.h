// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/error.h"

#include <exception>

namespace ddd::agent::http {

// What an exception escaping handler code becomes at the HTTP boundary: it is
// logged with `where` and answered as `internal` (500).
core::Error handlerFailure(const std::exception_ptr &failure, const char *where);

} // namespace ddd::agent::http
