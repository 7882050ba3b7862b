// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/sqliteerror.h"

#include <sqlite3.h>

#include <QByteArray>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace ddd::core::storage {

QString SqliteError::code(int resultCode, int systemErrno)
{
    switch (resultCode & 0xff) {
    case SQLITE_CONSTRAINT:
        return u"storage.constraint"_qs;
    case SQLITE_FULL:
        return u"storage.disk_full"_qs;
    case SQLITE_READONLY:
        return u"storage.read_only"_qs;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return u"storage.busy"_qs;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        // SQLite reports a write refused by a read-only mount as an I/O
        // error; only errno tells it apart from a failing disk.
        if (systemErrno == EROFS)
            return u"storage.read_only"_qs;
        if (systemErrno == ENOSPC || systemErrno == EDQUOT)
            return u"storage.disk_full"_qs;
        return (resultCode & 0xff) == SQLITE_IOERR ? u"storage.io_error"_qs : u"storage.error"_qs;
    default:
        return u"storage.error"_qs;
    }
}

namespace {

// SQLite reads errno for sqlite3_system_errno() only after the failing call
// has returned, often too late (it is 0 by then); and a kernel emergency
// read-only remount (ext4 errors=remount-ro) does not show in statvfs. So an
// I/O error is checked by trying what the database was doing: writing a
// file in its directory (an unnamed O_TMPFILE, gone when closed).
bool directoryRefusesWrites(sqlite3 *db)
{
    const char *file = sqlite3_db_filename(db, "main");
    if (!file || !*file)
        return false;
    QByteArray directory(file);
    const qsizetype slash = directory.lastIndexOf('/');
    directory = slash > 0 ? directory.left(slash) : QByteArray(".");
    const int fd = ::open(directory.constData(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
        return false;
    }
    return errno == EROFS;
}

} // namespace

Error SqliteError::fromDatabase(sqlite3 *db, int resultCode, const QString &message)
{
    const int systemErrno = db ? sqlite3_system_errno(db) : 0;
    QString mapped = code(resultCode, systemErrno);
    if (mapped == u"storage.io_error" && db && directoryRefusesWrites(db))
        mapped = u"storage.read_only"_qs;
    return Error::make(mapped, message);
}

} // namespace ddd::core::storage
