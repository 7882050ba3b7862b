// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/rules/rulelimits.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ddd::core::rules {

// One meaningful line of a rules file: its 1-based number and its text with
// trailing white space (and a CR) removed; leading white space is kept
// because `_headers` uses indentation.
struct RuleLine final
{
    int number = 0;
    QString text;
};

// Splits a rules file into lines, leaving out blank lines and comments
// (first non-blank character '#'). The file is refused whole, never cut
// short, when it breaks a RuleLimits bound or is not UTF-8. A leading UTF-8
// byte order mark is ignored, as editors on Windows write one.
class RuleLines final
{
public:
    // `invalidCode`: the file's own code for bad encoding (rules.invalid_redirects / rules.invalid_headers).
    static Result<QList<RuleLine>> split(const QByteArray &bytes, const QString &file, const QString &invalidCode,
                                         const RuleLimits &limits);
};

} // namespace ddd::core::rules
