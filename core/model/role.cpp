// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/model/role.h"

namespace ddd::core::model {

QString roleName(Role role)
{
    switch (role) {
    case Role::User: return u"user"_qs;
    case Role::Admin: return u"admin"_qs;
    case Role::Operator: return u"operator"_qs;
    }
    return u"user"_qs;
}

std::optional<Role> roleFromName(const QString &name)
{
    if (name == u"user")
        return Role::User;
    if (name == u"admin")
        return Role::Admin;
    if (name == u"operator")
        return Role::Operator;
    return std::nullopt;
}

} // namespace ddd::core::model
