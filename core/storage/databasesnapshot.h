// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QString>

namespace ddd::core::storage {

// A consistent copy of a live database through the SQLite online backup API:
// one read transaction on a connection of its own, so the agent writing in
// another process (WAL) is never blocked and the copy is one committed state.
// The copy is a self-contained file in rollback-journal mode (no -wal).
class DatabaseSnapshot final
{
public:
    // Fails with storage.error when `source` cannot be read or `target` written.
    static Status copy(const QString &source, const QString &target);
};

} // namespace ddd::core::storage
