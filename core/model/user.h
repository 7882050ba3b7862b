// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/role.h"

#include <QString>

namespace ddd::core::model {

// An account as callers see it. The password hash is deliberately absent: it
// stays inside UserStore and AuthService and can never be serialised by
// accident. Times are Unix milliseconds (UTC).
struct User final
{
    qint64 id = 0;
    QString email;
    Role role = Role::User;
    // Bumped on every password or role change; session tokens carry the value
    // they were issued with and die once it moves on.
    qint64 tokenVersion = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

} // namespace ddd::core::model
