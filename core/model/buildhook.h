// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace ddd::core::model {

// A secret URL that rebuilds a project's newest source. Only the SHA-256 of
// its token is stored; the token is shown once, when the hook is made.
struct BuildHook final
{
    qint64 id = 0;
    qint64 projectId = 0;
    QString name;
    qint64 createdAt = 0;
    std::optional<qint64> lastUsedAt;
    std::optional<qint64> authorId; // whose build the hook starts
};

} // namespace ddd::core::model
