// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/client/session.h"

#include "core/wire/jsonfields.h"

namespace ddd::core::client {

Result<Session> Session::fromJson(const QJsonObject &json)
{
    wire::JsonFields fields(json);
    Session session;
    session.token = fields.string(u"token"_qs);
    session.expiresAt = fields.timestamp(u"expiresAt"_qs);
    auto account = Account::fromJson(fields.object(u"user"_qs));
    if (auto error = fields.error())
        return *error;
    if (!account.ok())
        return account.error();
    session.account = std::move(account).value();
    return session;
}

} // namespace ddd::core::client
