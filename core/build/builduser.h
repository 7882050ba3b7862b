// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QString>

namespace ddd::core::build {

// The unprivileged account builds run as when the agent is root. Looked up
// by name; when missing it is created as a system account without a home
// and without a login shell. Never uid 0 or gid 0: configuring "root" as the
// build user is refused (build.sandbox_unavailable).
class BuildUser final
{
public:
    struct Account final
    {
        QString name;
        uint uid = 0;
        uint gid = 0;
    };

    static Result<Account> lookup(const QString &name);
    static Result<Account> lookupOrCreate(const QString &name);
};

} // namespace ddd::core::build
