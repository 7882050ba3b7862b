// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace ddd::core::storage {

// The two stores behind Database: an SQLite file (the embedded default) or
// a PostgreSQL server shared by several agents. Stores write one SQL that
// both accept; the few places that cannot (migrations, how a writing
// transaction begins) ask which one they talk to.
enum class SqlDialect { Sqlite, Postgres };

} // namespace ddd::core::storage
