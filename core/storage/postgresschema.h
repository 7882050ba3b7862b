// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QStringList>

namespace ddd::core::storage {

// The schema in PostgreSQL's dialect. Versions are numbered as for SQLite
// (meta.schema_version means the same tables on both). A new PostgreSQL
// database starts with the baseline: the whole schema of version
// baselineVersion() in one step, since the SQLite steps before it rebuild
// tables in ways only SQLite needs. Every later step has a form for each
// dialect: laterSteps()[i] is version baselineVersion() + 1 + i.
class PostgresSchema final
{
public:
    static int baselineVersion();
    static const QString &baseline();
    static const QStringList &laterSteps();
};

} // namespace ddd::core::storage
