// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace ddd::core::storage {
class BuildLogStore;
}

namespace ddd::core::build {

// Before schema step 21 an agent kept each build's log as a file,
// <data root>/builds/<build id>.log. At start-up these move into the
// database, so upgraded agents (and restored older backups) keep them.
class LegacyBuildLogs final
{
public:
    // Stores each file as its build's first chunk and removes it, also when
    // its build is gone or the chunk is there already; a file the database
    // cannot take now stays for the next start. Answers the files moved.
    static int import(storage::BuildLogStore &store, const QString &directory);
};

} // namespace ddd::core::build
