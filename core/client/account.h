// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/role.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QString>

namespace ddd::core::client {

// The signed-in account as GET /api/v1/me answers it.
struct Account final
{
    qint64 id = 0;
    QString email;
    model::Role role = model::Role::User;
    qint64 createdAt = 0; // Unix ms, UTC

    static Result<Account> fromJson(const QJsonObject &json);
};

} // namespace ddd::core::client
