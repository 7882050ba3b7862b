// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/role.h"

#include <QString>

namespace ddd::core::storage {
class Database;
}

namespace ddd::test {

// Inserts accounts with plain SQL for tests of stores and services that
// reference users, independent of the user store.
class UserRows final
{
public:
    // Returns the new user's id; fails the running test on error.
    static qint64 insert(core::storage::Database &db, const QString &email,
                         core::model::Role role = core::model::Role::User);
};

} // namespace ddd::test
