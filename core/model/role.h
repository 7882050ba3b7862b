// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace ddd::core::model {

// Account roles. Operators run the agent (status, every project); admins are
// reserved for user management; users own their projects.
enum class Role { User, Admin, Operator };

QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);

} // namespace ddd::core::model
