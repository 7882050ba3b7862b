// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringView>

namespace ddd::core {

// Character-level checks shared by every user-supplied label (project names,
// build flags, site user names). Lengths are counted in Unicode code points,
// not UTF-16 units or bytes, so "100 characters" means what a user sees.
class TextRules final
{
public:
    // Code points in `text`; an unpaired surrogate counts as one.
    static qsizetype codePointCount(QStringView text);
    // True for C0/C1 controls, line and paragraph separators, and unpaired
    // surrogates: characters that break logs, headers and table cells.
    static bool hasControlCharacters(QStringView text);
};

} // namespace ddd::core
