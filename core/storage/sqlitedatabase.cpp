// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/sqlitedatabase.h"

#include "core/storage/sqliteerror.h"
#include "core/storage/sqlitestatement.h"

#include <sqlite3.h>

namespace ddd::core::storage {

namespace {

Error sqliteError(sqlite3 *db, int rc, const QString &what)
{
    return SqliteError::fromDatabase(db, rc, what + u": "_qs + QString::fromUtf8(db ? sqlite3_errmsg(db) : "out of memory"));
}

} // namespace

Result<std::unique_ptr<DatabaseEngine>> SqliteDatabase::open(const QString &path)
{
    Result<std::unique_ptr<DatabaseEngine>> db =
        openWith(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
    if (!db)
        return db;
    // WAL lets readers proceed while one writer commits; FULL makes every
    // acknowledged commit durable across power loss (security guide 7.1).
    const Status pragmas = (*db)->exec(u"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                                       "PRAGMA foreign_keys=ON; PRAGMA trusted_schema=OFF;"_qs);
    if (!pragmas)
        return pragmas.error();
    return db;
}

Result<std::unique_ptr<DatabaseEngine>> SqliteDatabase::openReadOnly(const QString &path)
{
    return openWith(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
}

Result<std::unique_ptr<DatabaseEngine>> SqliteDatabase::openWith(const QString &path, int flags)
{
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, flags, nullptr);
    std::unique_ptr<SqliteDatabase> db(new SqliteDatabase(raw));
    if (rc != SQLITE_OK)
        return sqliteError(raw, rc, u"cannot open database "_qs + path);
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 10000);
    return std::unique_ptr<DatabaseEngine>(std::move(db));
}

SqliteDatabase::SqliteDatabase(sqlite3 *db) : m_db(db) {}

SqliteDatabase::~SqliteDatabase()
{
    if (m_db)
        sqlite3_close_v2(m_db);
}

Status SqliteDatabase::exec(const QString &sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK)
        return {};
    const QString text = QString::fromUtf8(message ? message : sqlite3_errstr(rc));
    sqlite3_free(message);
    // A COMMIT that cannot grow the WAL is storage.disk_full: the client must
    // free space, not retry; a read-only remount is storage.read_only.
    return SqliteError::fromDatabase(m_db, rc, text);
}

Result<std::unique_ptr<StatementEngine>> SqliteDatabase::prepare(const QString &sql)
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(m_db, rc, u"cannot prepare statement"_qs);
    return std::unique_ptr<StatementEngine>(std::make_unique<SqliteStatement>(stmt));
}

int SqliteDatabase::changes() const
{
    return sqlite3_changes(m_db);
}

QString SqliteDatabase::lastErrorMessage() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

// IMMEDIATE takes the write lock at once, so writers queue on the busy
// timeout instead of failing mid-transaction.
Status SqliteDatabase::beginWrite()
{
    return exec(u"BEGIN IMMEDIATE"_qs);
}

} // namespace ddd::core::storage
