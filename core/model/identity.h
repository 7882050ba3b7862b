// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/role.h"

#include <QSet>
#include <QString>

#include <optional>

namespace ddd::core::model {

// Who is calling, resolved once per request by the agent's auth gate from a
// session JWT or a scoped API token, with the role read from the database
// (never from the token). Core services take it to check ownership.
struct Identity final
{
    qint64 userId = 0;
    QString email;
    Role role = Role::User;
    // Set for scoped API tokens: the capabilities granted ("read", "deploy",
    // "activate", "projects") and an optional single project. A session JWT
    // carries every capability of its user and no project scope.
    bool viaApiToken = false;
    QSet<QString> capabilities;
    std::optional<qint64> projectScope;

    bool isOperator() const { return role == Role::Operator; }
    bool can(const QString &capability) const { return !viaApiToken || capabilities.contains(capability); }
    bool mayTouchProject(qint64 projectId) const { return !projectScope || *projectScope == projectId; }
};

} // namespace ddd::core::model
