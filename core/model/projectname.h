// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QString>

namespace ddd::core::model {

// The rule for a project's display name: trimmed, 1-100 characters (code
// points, not bytes), no control characters.
class ProjectName final
{
public:
    static constexpr qsizetype MaxLength = 100;

    // The trimmed name, or `project.invalid_name` with details {"reason": ...}.
    static Result<QString> normalise(const QString &input);
};

} // namespace ddd::core::model
