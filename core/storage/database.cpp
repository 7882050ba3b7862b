// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/database.h"

#include "core/storage/pgdatabase.h"
#include "core/storage/sqlitedatabase.h"
#include "core/storage/statement.h"
#include "core/storage/statementengine.h"

namespace ddd::core::storage {

Result<Database> Database::open(const QString &path)
{
    Result<std::unique_ptr<DatabaseEngine>> engine = SqliteDatabase::open(path);
    if (!engine)
        return engine.error();
    return Database(std::move(*engine), path);
}

Result<Database> Database::openReadOnly(const QString &path)
{
    Result<std::unique_ptr<DatabaseEngine>> engine = SqliteDatabase::openReadOnly(path);
    if (!engine)
        return engine.error();
    return Database(std::move(*engine), path);
}

Result<Database> Database::connect(const QByteArray &conninfo)
{
    Result<std::unique_ptr<DatabaseEngine>> engine = PgDatabase::connect(conninfo);
    if (!engine)
        return engine.error();
    return Database(std::move(*engine), QString());
}

Database::Database(std::unique_ptr<DatabaseEngine> engine, QString path)
    : m_engine(std::move(engine)), m_path(std::move(path))
{
}

Database::Database(Database &&other) noexcept = default;
Database &Database::operator=(Database &&other) noexcept = default;
Database::~Database() = default;

SqlDialect Database::dialect() const
{
    return m_engine->dialect();
}

Status Database::exec(const QString &sql)
{
    return m_engine->exec(sql);
}

Result<Statement> Database::prepare(const QString &sql)
{
    Result<std::unique_ptr<StatementEngine>> prepared = m_engine->prepare(sql);
    if (!prepared)
        return prepared.error();
    return Statement(std::move(*prepared));
}

Status Database::beginWrite()
{
    return m_engine->beginWrite();
}

int Database::changes() const
{
    return m_engine->changes();
}

Status Database::commit()
{
    return m_engine->commit();
}

Status Database::rollback()
{
    return m_engine->rollback();
}

void Database::reconnectIfLost()
{
    m_engine->reconnectIfLost();
}

QString Database::lastErrorMessage() const
{
    return m_engine->lastErrorMessage();
}

} // namespace ddd::core::storage
