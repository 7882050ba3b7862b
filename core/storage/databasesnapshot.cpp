// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/databasesnapshot.h"

#include "core/storage/sqliteerror.h"

#include <sqlite3.h>

#include <memory>

namespace ddd::core::storage {

namespace {

struct Closer
{
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, Closer>;

// Busy retries of one backup step: as long as the busy timeout, then the
// copy gives up with storage.busy rather than waiting for ever on a lock.
constexpr int kBusyRetries = 200;
constexpr int kBusySleepMs = 50;

Error failure(sqlite3 *db, int rc, const QString &what)
{
    return SqliteError::fromDatabase(db, rc, what + u": "_qs + QString::fromUtf8(db ? sqlite3_errmsg(db) : "out of memory"));
}

Result<Connection> openConnection(const QString &path, int flags)
{
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    Connection db(raw);
    if (rc != SQLITE_OK)
        return failure(raw, rc, u"cannot open database "_qs + path);
    sqlite3_busy_timeout(raw, 10000);
    return db;
}

} // namespace

Status DatabaseSnapshot::copy(const QString &source, const QString &target)
{
    Result<Connection> from = openConnection(source, SQLITE_OPEN_READONLY);
    if (!from)
        return from.error();
    Result<Connection> to = openConnection(target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!to)
        return to.error();
    sqlite3_backup *backup = sqlite3_backup_init(to->get(), "main", from->get(), "main");
    if (!backup)
        return failure(to->get(), sqlite3_errcode(to->get()), u"cannot start the backup of "_qs + source);
    // All pages in one step: one read transaction, so one consistent state.
    // Busy (a checkpoint holding a lock) is retried after the busy timeout.
    int rc = SQLITE_OK;
    int busy = 0;
    do {
        rc = sqlite3_backup_step(backup, -1);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
            sqlite3_sleep(kBusySleepMs);
    } while (rc == SQLITE_OK || ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++busy < kBusyRetries));
    // The errno of a failed write to the copy (a full or read-only
    // destination) is read before finish, which may make other calls.
    const int systemErrno = sqlite3_system_errno(to->get());
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return Error::make(SqliteError::code(rc, systemErrno),
                           u"backup of "_qs + source + u" failed: "_qs + QString::fromUtf8(sqlite3_errstr(rc)));
    char *message = nullptr;
    if (const int journal = sqlite3_exec(to->get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, &message);
        journal != SQLITE_OK) {
        const QString text = QString::fromUtf8(message ? message : "journal mode");
        sqlite3_free(message);
        return SqliteError::fromDatabase(to->get(), journal, text);
    }
    return {};
}

} // namespace ddd::core::storage
