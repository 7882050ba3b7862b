// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// SQLite's failures reach callers as stable codes, not a generic
// storage.error: a write lock held past the busy timeout is storage.busy, a
// write through a read-only connection storage.read_only, and the result
// codes of a full, read-only or failing disk map as SqliteError documents.
// (A read-only remount under a running agent: tst_storagefaults; SQLITE_FULL
// on a full disk: tst_diskfull.)
#include "core/storage/database.h"
#include "core/storage/sqliteerror.h"
#include "core/storage/statement.h"
#include "tests/support/tempdataroot.h"

#include <QtTest>

#include <sqlite3.h>

#include <cerrno>

using ddd::core::storage::Database;
using ddd::core::storage::SqliteError;

class TestSqliteErrors final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void mapsResultCodes_data()
    {
        QTest::addColumn<int>("resultCode");
        QTest::addColumn<int>("systemErrno");
        QTest::addColumn<QString>("code");
        QTest::newRow("full") << SQLITE_FULL << 0 << u"storage.disk_full"_qs;
        QTest::newRow("readonly") << SQLITE_READONLY << 0 << u"storage.read_only"_qs;
        QTest::newRow("readonly dbmoved") << SQLITE_READONLY_DBMOVED << 0 << u"storage.read_only"_qs;
        QTest::newRow("busy") << SQLITE_BUSY << 0 << u"storage.busy"_qs;
        QTest::newRow("busy snapshot") << SQLITE_BUSY_SNAPSHOT << 0 << u"storage.busy"_qs;
        QTest::newRow("locked") << SQLITE_LOCKED << 0 << u"storage.busy"_qs;
        QTest::newRow("ioerr write erofs") << SQLITE_IOERR_WRITE << EROFS << u"storage.read_only"_qs;
        QTest::newRow("ioerr fsync enospc") << SQLITE_IOERR_FSYNC << ENOSPC << u"storage.disk_full"_qs;
        QTest::newRow("ioerr read eio") << SQLITE_IOERR_READ << EIO << u"storage.io_error"_qs;
        QTest::newRow("ioerr unknown") << SQLITE_IOERR << 0 << u"storage.io_error"_qs;
        QTest::newRow("cantopen erofs") << SQLITE_CANTOPEN << EROFS << u"storage.read_only"_qs;
        QTest::newRow("cantopen other") << SQLITE_CANTOPEN << ENOENT << u"storage.error"_qs;
        QTest::newRow("constraint") << SQLITE_CONSTRAINT_UNIQUE << 0 << u"storage.constraint"_qs;
        QTest::newRow("corrupt") << SQLITE_CORRUPT << 0 << u"storage.error"_qs;
    }

    void mapsResultCodes()
    {
        QFETCH(int, resultCode);
        QFETCH(int, systemErrno);
        QFETCH(QString, code);
        QCOMPARE(SqliteError::code(resultCode, systemErrno), code);
    }

    // Another connection holds the write lock longer than the busy timeout
    // (10 s): the write gives up with storage.busy instead of blocking on.
    void writeLockHeldPastTheBusyTimeout()
    {
        ddd::test::TempDataRoot root;
        auto holder = Database::open(root.file(u"agent.db"_qs));
        QVERIFY(holder.ok());
        QVERIFY(holder->exec(u"CREATE TABLE t (x INTEGER)"_qs).ok());
        auto writer = Database::open(root.file(u"agent.db"_qs));
        QVERIFY(writer.ok());
        QVERIFY(holder->exec(u"BEGIN IMMEDIATE; INSERT INTO t VALUES (1)"_qs).ok());
        auto insert = writer->prepare(u"INSERT INTO t VALUES (2)"_qs);
        QVERIFY(insert.ok());
        const auto done = insert->run();
        QVERIFY(!done.ok());
        QCOMPARE(done.error().code, u"storage.busy"_qs);
        const auto exec = writer->exec(u"INSERT INTO t VALUES (3)"_qs);
        QCOMPARE(exec.error().code, u"storage.busy"_qs);
        QVERIFY(holder->exec(u"COMMIT"_qs).ok());
        QVERIFY(writer->exec(u"INSERT INTO t VALUES (4)"_qs).ok());
    }

    void writeThroughAReadOnlyConnection()
    {
        ddd::test::TempDataRoot root;
        {
            auto db = Database::open(root.file(u"agent.db"_qs));
            QVERIFY(db.ok());
            QVERIFY(db->exec(u"CREATE TABLE t (x INTEGER)"_qs).ok());
        }
        auto reader = Database::openReadOnly(root.file(u"agent.db"_qs));
        QVERIFY(reader.ok());
        auto insert = reader->prepare(u"INSERT INTO t VALUES (1)"_qs);
        QVERIFY(insert.ok());
        QCOMPARE(insert->run().error().code, u"storage.read_only"_qs);
        QCOMPARE(reader->exec(u"INSERT INTO t VALUES (1)"_qs).error().code, u"storage.read_only"_qs);
    }
};

QTEST_GUILESS_MAIN(TestSqliteErrors)
#include "tst_sqliteerrors.moc"
