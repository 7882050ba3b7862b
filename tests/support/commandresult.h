// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace ddd::test {

// What a system tool a test drives (cpack, dpkg, mount, systemd-analyze)
// printed, stdout and stderr together, and how it ended.
struct CommandResult
{
    int exitCode = -1; // -1: did not start, crashed or timed out
    QString output;

    bool ok() const { return exitCode == 0; }

    static CommandResult run(const QString &program, const QStringList &arguments, int timeoutMs = 120000);
};

} // namespace ddd::test
