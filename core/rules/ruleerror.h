// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/error.h"

#include <QString>

namespace ddd::core::rules {

// The one shape of every rules refusal: a stable `rules.*` code, details
// {file, line, reason} and a message that reads like a compiler's
// ("_redirects:12: status 299 is not supported"). Line 0 means the file as a
// whole (its size, its encoding, its number of lines).
class RuleError final
{
public:
    static Error make(const QString &code, const QString &file, int line, const QString &reason);
};

} // namespace ddd::core::rules
