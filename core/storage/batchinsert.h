// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/statement.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <variant>
#include <vector>

namespace ddd::core::storage {

class Database;

// Rows inserted several to a statement (`VALUES (...), (...)`): on
// PostgreSQL every statement is a round trip, so a 10,000-file version
// costs 20 of them instead of 10,000; SQLite parses one statement per
// batch instead of stepping one per row. add() sends a batch once it is
// full; finish() sends the rest.
class BatchInsert final
{
public:
    using Value = std::variant<std::monostate, qint64, QString, QByteArray>; // monostate: NULL

    BatchInsert(Database &db, const QString &table, const QStringList &columns);

    // One value per column, in order.
    Status add(std::vector<Value> row);
    Status finish();

    static constexpr int kMaxRows = 500;
    // Under both engines' limits on parameters (SQLite 32,766, PostgreSQL 65,535).
    static constexpr int kMaxParameters = 30000;

private:
    QString sqlFor(std::size_t rows) const;
    Status send(Statement &statement);

    Database &m_db;
    QString m_prefix; // INSERT INTO table (columns) VALUES
    int m_columns = 0;
    std::size_t m_rowsPerStatement = 1;
    std::vector<std::vector<Value>> m_rows;
    std::optional<Statement> m_full; // prepared once, for every full batch
};

} // namespace ddd::core::storage
