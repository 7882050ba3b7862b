// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/account.h"

#include "core/wire/jsonfields.h"

namespace ddd::core::client {

Result<Account> Account::fromJson(const QJsonObject &json)
{
    wire::JsonFields fields(json);
    Account account;
    account.id = fields.id(u"id"_qs);
    account.email = fields.string(u"email"_qs);
    const auto role = model::roleFromName(fields.string(u"role"_qs));
    if (!role)
        fields.fail(u"role"_qs);
    account.role = role.value_or(model::Role::User);
    account.createdAt = fields.timestamp(u"createdAt"_qs);
    if (auto error = fields.error())
        return *error;
    return account;
}

} // namespace ddd::core::client
