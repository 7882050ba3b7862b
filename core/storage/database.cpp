// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/database.h"

#include "core/storage/sqliteerror.h"
#include "core/storage/statement.h"

#include <sqlite3.h>

namespace ddd::core::storage {

namespace {

Error sqliteError(sqlite3 *db, int rc, const QString &what)
{
    return SqliteError::fromDatabase(db, rc, what + u": "_qs + QString::fromUtf8(db ? sqlite3_errmsg(db) : "out of memory"));
}

} // namespace

Result<Database> Database::open(const QString &path)
{
    sqlite3 *raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, flags, nullptr);
    Database db(raw, path);
    if (rc != SQLITE_OK)
        return sqliteError(raw, rc, u"cannot open database "_qs + path);
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 10000);
    // WAL lets readers proceed while one writer commits; FULL makes every
    // acknowledged commit durable across power loss (security guide 7.1).
    const Status pragmas = db.exec(u"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                                   "PRAGMA foreign_keys=ON; PRAGMA trusted_schema=OFF;"_qs);
    if (!pragmas)
        return pragmas.error();
    return db;
}

Result<Database> Database::openReadOnly(const QString &path)
{
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
    Database db(raw, path);
    if (rc != SQLITE_OK)
        return sqliteError(raw, rc, u"cannot open database "_qs + path);
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 10000);
    return db;
}

Database::Database(sqlite3 *db, QString path) : m_db(db), m_path(std::move(path)) {}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path))
{
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        if (m_db)
            sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
    }
    return *this;
}

Database::~Database()
{
    if (m_db)
        sqlite3_close_v2(m_db);
}

Status Database::exec(const QString &sql)
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

Result<Statement> Database::prepare(const QString &sql)
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(m_db, rc, u"cannot prepare statement"_qs);
    return Statement(stmt);
}

qint64 Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

QString Database::lastErrorMessage() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

} // namespace ddd::core::storage
