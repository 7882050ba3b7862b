// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/client/account.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QString>

namespace ddd::core::client {

// What a password login returns: a short-lived bearer token and its account.
struct Session final
{
    QString token;
    qint64 expiresAt = 0; // Unix ms, UTC
    Account account;

    static Result<Session> fromJson(const QJsonObject &json);
};

} // namespace ddd::core::client
