// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/pgstatement.h"

#include "core/storage/pgdatabase.h"

#include <libpq-fe.h>

namespace ddd::core::storage {

namespace {

// Type Oids of pg_type.h, which libpq does not install.
constexpr Oid kBoolOid = 16;
constexpr Oid kByteaOid = 17;
constexpr Oid kInt8Oid = 20;
constexpr Oid kTextOid = 25;

} // namespace

void PgStatement::ResultDeleter::operator()(pg_result *result) const
{
    PQclear(result);
}

PgStatement::PgStatement(PgDatabase &db, QByteArray sql, int parameterCount)
    : m_db(db), m_sql(std::move(sql)), m_parameters(std::size_t(parameterCount))
{
}

PgStatement::~PgStatement() = default;

PgStatement::Parameter &PgStatement::parameter(int index)
{
    // SQLite ignores a parameter the SQL does not name; so does this.
    if (index < 1 || std::size_t(index) > m_parameters.size())
        return m_unnamed;
    return m_parameters[std::size_t(index - 1)];
}

void PgStatement::bindInt(int index, qint64 value)
{
    parameter(index) = Parameter{kInt8Oid, QByteArray::number(value), false, false};
}

// PostgreSQL's text cannot hold U+0000 (SQLite's can), and libpq would
// cut a text parameter at the first one: it becomes U+FFFD, so what is
// stored is everything sent, visibly altered (a webhook's response excerpt
// is any bytes a server answered).
void PgStatement::bindText(int index, const QByteArray &utf8)
{
    QByteArray text = utf8;
    if (text.contains('\0'))
        text.replace('\0', QByteArrayView("\xEF\xBF\xBD"));
    parameter(index) = Parameter{kTextOid, text, false, false};
}

void PgStatement::bindBlob(int index, const QByteArray &bytes)
{
    parameter(index) = Parameter{kByteaOid, bytes, false, true};
}

void PgStatement::bindNull(int index)
{
    parameter(index) = Parameter{};
}

Result<bool> PgStatement::step()
{
    if (!m_result) {
        if (Status executed = execute(); !executed)
            return executed.error();
    }
    if (++m_row < PQntuples(m_result.get()))
        return true;
    // Done: the next step runs the statement again, as in SQLite.
    m_result.reset();
    m_row = -1;
    return false;
}

Status PgStatement::execute()
{
    Result<pg_result *> result = m_db.run(m_sql, m_parameters);
    if (!result)
        return result.error();
    m_result.reset(*result);
    m_row = -1;
    return {};
}

void PgStatement::reset()
{
    m_result.reset();
    m_row = -1;
    std::fill(m_parameters.begin(), m_parameters.end(), Parameter{});
}

qint64 PgStatement::columnInt(int column) const
{
    if (columnIsNull(column))
        return 0;
    const char *value = PQgetvalue(m_result.get(), m_row, column);
    if (PQftype(m_result.get(), column) == kBoolOid) // a comparison's result
        return *value == 't' ? 1 : 0;
    return QByteArray::fromRawData(value, PQgetlength(m_result.get(), m_row, column)).toLongLong();
}

QByteArray PgStatement::columnText(int column) const
{
    if (columnIsNull(column))
        return {};
    return QByteArray(PQgetvalue(m_result.get(), m_row, column), PQgetlength(m_result.get(), m_row, column));
}

// Rows come as text, where bytea is "\x" and hex digits.
QByteArray PgStatement::columnBlob(int column) const
{
    const QByteArray text = columnText(column);
    if (PQftype(m_result.get(), column) != kByteaOid || !text.startsWith("\\x"))
        return text;
    return QByteArray::fromHex(text.mid(2));
}

bool PgStatement::columnIsNull(int column) const
{
    return !m_result || m_row < 0 || PQgetisnull(m_result.get(), m_row, column);
}

} // namespace ddd::core::storage
