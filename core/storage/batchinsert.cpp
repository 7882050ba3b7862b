// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/batchinsert.h"

#include "core/storage/database.h"

#include <algorithm>

namespace ddd::core::storage {

BatchInsert::BatchInsert(Database &db, const QString &table, const QStringList &columns)
    : m_db(db),
      m_prefix(u"INSERT INTO %1 (%2) VALUES "_qs.arg(table, columns.join(u", "_qs))),
      m_columns(int(columns.size())),
      m_rowsPerStatement(std::size_t(std::clamp(kMaxParameters / std::max(m_columns, 1), 1, kMaxRows)))
{
}

Status BatchInsert::add(std::vector<Value> row)
{
    Q_ASSERT(int(row.size()) == m_columns);
    m_rows.push_back(std::move(row));
    if (m_rows.size() < m_rowsPerStatement)
        return {};
    if (!m_full) {
        Result<Statement> prepared = m_db.prepare(sqlFor(m_rowsPerStatement));
        if (!prepared)
            return prepared.error();
        m_full.emplace(std::move(*prepared));
    }
    return send(*m_full);
}

Status BatchInsert::finish()
{
    if (m_rows.empty())
        return {};
    Result<Statement> rest = m_db.prepare(sqlFor(m_rows.size()));
    if (!rest)
        return rest.error();
    return send(*rest);
}

QString BatchInsert::sqlFor(std::size_t rows) const
{
    QString sql = m_prefix;
    int parameter = 0;
    for (std::size_t row = 0; row < rows; ++row) {
        sql += row == 0 ? u"("_qs : u", ("_qs;
        for (int column = 0; column < m_columns; ++column)
            sql += (column == 0 ? u"?"_qs : u", ?"_qs) + QString::number(++parameter);
        sql += u')';
    }
    return sql;
}

Status BatchInsert::send(Statement &statement)
{
    statement.reset();
    int parameter = 0;
    for (const std::vector<Value> &row : m_rows)
        for (const Value &value : row) {
            ++parameter;
            if (const auto *integer = std::get_if<qint64>(&value))
                statement.bind(parameter, *integer);
            else if (const auto *text = std::get_if<QString>(&value))
                statement.bind(parameter, *text);
            else if (const auto *bytes = std::get_if<QByteArray>(&value))
                statement.bind(parameter, *bytes);
            else
                statement.bindNull(parameter);
        }
    m_rows.clear();
    return statement.run();
}

} // namespace ddd::core::storage
