// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace ddd::core::storage {
class Database;
}

namespace ddd::test {

// BatchInsert on either engine (tst_database, tst_pgdatabase): 1,201 rows
// of integers, text, blobs and NULLs across full and partial batches, read
// back exactly; a clash in a batch refused with storage.constraint. Fails
// the running test (QTest::currentTestFailed) on any difference.
void checkBatchInsert(core::storage::Database &db);

} // namespace ddd::test
