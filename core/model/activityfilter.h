// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace ddd::core::model {

// What GET /api/v1/projects/{id}/activity may narrow the log to.
struct ActivityFilter final
{
    QString kind;
    std::optional<qint64> versionNumber;
};

} // namespace ddd::core::model
