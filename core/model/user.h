// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/role.h"

#include <QString>

namespace ddd::core::model {

struct User
{
    qint64 id;
    QString email;
    Role role;
    qint64 tokenVersion;
    qint64 createdAt;
    qint64 updatedAt;
};

} // namespace ddd::core::model
