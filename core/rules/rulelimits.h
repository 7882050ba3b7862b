// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QtGlobal>

namespace ddd::core::rules {

// Bounds on a `_redirects` or `_headers` file. A file that breaks one is
// refused whole with its own code (never cut short): the rules are checked
// when a version is recorded and kept in memory per live site, and every
// redirect rule may be tried on every request.
struct RuleLimits final
{
    qint64 maxFileBytes = 256 * 1024; // rules.file_too_large
    int maxLines = 10000;             // rules.too_many_lines (blank and comment lines count)
    int maxLineBytes = 2048;          // rules.line_too_long
    int maxRules = 2000;              // rules.too_many_rules: redirect rules, or `_headers` path blocks
    int maxHeadersPerRule = 64;       // rules.too_many_headers
};

} // namespace ddd::core::rules
