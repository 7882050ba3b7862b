// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

namespace ddd::core::storage {

class Database;

// Database::beginWrite on construction (writers queue, one at a time, instead
// of failing mid-transaction), ROLLBACK on destruction unless commit() ran.
class Transaction final
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // The result of BEGIN; a transaction that failed to begin must not be used.
    const Status &begun() const { return m_begun; }
    Status commit();

private:
    Database &m_db;
    Status m_begun;
    bool m_done = false;
};

} // namespace ddd::core::storage
