// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/statement.h"

#include "core/storage/statementengine.h"

#include <utility>

namespace ddd::core::storage {

Statement::Statement(std::unique_ptr<StatementEngine> engine) : m_engine(std::move(engine)) {}
Statement::Statement(Statement &&other) noexcept = default;
Statement &Statement::operator=(Statement &&other) noexcept = default;
Statement::~Statement() = default;

Statement &Statement::bind(int index, qint64 value)
{
    m_engine->bindInt(index, value);
    return *this;
}

Statement &Statement::bind(int index, const QString &value)
{
    m_engine->bindText(index, value.toUtf8());
    return *this;
}

Statement &Statement::bind(int index, const QByteArray &value)
{
    m_engine->bindBlob(index, value);
    return *this;
}

Statement &Statement::bind(int index, const std::optional<QString> &value)
{
    return value ? bind(index, *value) : bindNull(index);
}

Statement &Statement::bind(int index, const std::optional<qint64> &value)
{
    return value ? bind(index, *value) : bindNull(index);
}

Statement &Statement::bindNull(int index)
{
    m_engine->bindNull(index);
    return *this;
}

Result<bool> Statement::step()
{
    return m_engine->step();
}

Status Statement::run()
{
    for (;;) {
        Result<bool> more = step();
        if (!more)
            return more.error();
        if (!*more)
            return {};
    }
}

Result<qint64> Statement::runForId()
{
    Result<bool> row = step();
    if (!row)
        return row.error();
    if (!*row)
        return Error::make(u"storage.error"_qs, u"the insert returned no id"_qs);
    const qint64 id = columnInt(0);
    if (Status finished = run(); !finished)
        return finished.error();
    return id;
}

void Statement::reset()
{
    m_engine->reset();
}

qint64 Statement::columnInt(int column) const
{
    return m_engine->columnInt(column);
}

QString Statement::columnText(int column) const
{
    return QString::fromUtf8(m_engine->columnText(column));
}

QByteArray Statement::columnBlob(int column) const
{
    return m_engine->columnBlob(column);
}

bool Statement::columnIsNull(int column) const
{
    return m_engine->columnIsNull(column);
}

std::optional<QString> Statement::columnOptionalText(int column) const
{
    if (columnIsNull(column))
        return std::nullopt;
    return columnText(column);
}

std::optional<qint64> Statement::columnOptionalInt(int column) const
{
    if (columnIsNull(column))
        return std::nullopt;
    return columnInt(column);
}

} // namespace ddd::core::storage
