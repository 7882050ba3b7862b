// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace ddd::agent {

// `ddd-agent backup DEST`, `restore SRC [--force]`, `check [--json]` and
// `migrate`: parse their arguments (plus the usual configuration options,
// for the data root and database.url) and call core/backup or
// core/storage. Each answers the process exit code: 0 done,
// 1 refused or failed (the message ends with the stable error code in
// parentheses), 2 `check` found problems.
class MaintenanceCommands final
{
public:
    static int backup(QStringList arguments, const QStringList &environment);
    static int restore(QStringList arguments, const QStringList &environment);
    static int check(QStringList arguments, const QStringList &environment);
    static int migrate(QStringList arguments, const QStringList &environment);
};

} // namespace ddd::agent
