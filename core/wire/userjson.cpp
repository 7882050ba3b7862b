// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/wire/userjson.h"

#include "core/wire/jsonfields.h"
#include "core/wire/timestampjson.h"

namespace ddd::core::wire {

QJsonObject toJson(const model::User &user)
{
    return QJsonObject{
        {u"id"_qs, user.id},
        {u"email"_qs, user.email},
        {u"role"_qs, model::roleName(user.role)},
        {u"createdAt"_qs, timestampToJson(user.createdAt)},
    };
}

Result<model::User> userFromJson(const QJsonObject &json)
{
    JsonFields fields(json);
    model::User user{};
    user.id = fields.id(u"id"_qs);
    user.email = fields.string(u"email"_qs);
    const std::optional<model::Role> role = model::roleFromName(fields.string(u"role"_qs));
    if (!role)
        fields.fail(u"role"_qs);
    user.role = role.value_or(model::Role::User);
    user.createdAt = fields.timestamp(u"createdAt"_qs);
    if (auto error = fields.error())
        return *error;
    return user;
}

} // namespace ddd::core::wire
