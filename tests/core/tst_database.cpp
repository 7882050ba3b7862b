// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"
#include "tests/support/batchinsertcheck.h"
#include "tests/support/tempdataroot.h"

#include <QtTest>

#include <thread>

using namespace ddd::core::storage;

class TestDatabase final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void opensWithDurablePragmas()
    {
        ddd::test::TempDataRoot root;
        auto db = Database::open(root.file(u"agent.db"_qs));
        QVERIFY(db.ok());
        auto mode = db->prepare(u"PRAGMA journal_mode"_qs);
        QVERIFY(mode.ok() && *mode->step());
        QCOMPARE(mode->columnText(0), u"wal"_qs);
        auto sync = db->prepare(u"PRAGMA synchronous"_qs);
        QVERIFY(sync.ok() && *sync->step());
        QCOMPARE(sync->columnInt(0), 2); // FULL
        auto fk = db->prepare(u"PRAGMA foreign_keys"_qs);
        QVERIFY(fk.ok() && *fk->step());
        QCOMPARE(fk->columnInt(0), 1);
    }

    void batchInsertsCrossTheirBoundaries()
    {
        ddd::test::TempDataRoot root;
        auto db = Database::open(root.file(u"agent.db"_qs));
        QVERIFY(db.ok());
        ddd::test::checkBatchInsert(*db);
    }

    void migratesToLatestAndIsIdempotent()
    {
        ddd::test::TempDataRoot root;
        auto db = Database::open(root.file(u"agent.db"_qs));
        QVERIFY(Migrations::migrate(*db).ok());
        QCOMPARE(*Migrations::currentVersion(*db), Migrations::latestVersion());
        QVERIFY(Migrations::migrate(*db).ok());
        QCOMPARE(*Migrations::currentVersion(*db), Migrations::latestVersion());
    }

    void refusesNewerSchema()
    {
        ddd::test::TempDataRoot root;
        auto db = Database::open(root.file(u"agent.db"_qs));
        QVERIFY(Migrations::migrate(*db).ok());
        QVERIFY(db->exec(QStringLiteral("UPDATE meta SET value = %1").arg(Migrations::latestVersion() + 1)).ok());
        const auto status = Migrations::migrate(*db);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, u"storage.schema_too_new"_qs);
    }

    void transactionRollsBackUnlessCommitted()
    {
        ddd::test::TempDataRoot root;
        auto db = Database::open(root.file(u"agent.db"_qs));
        QVERIFY(db->exec(u"CREATE TABLE t (x INTEGER)"_qs).ok());
        {
            Transaction tx(*db);
            QVERIFY(tx.begun().ok());
            QVERIFY(db->exec(u"INSERT INTO t VALUES (1)"_qs).ok());
        }
        {
            Transaction tx(*db);
            QVERIFY(db->exec(u"INSERT INTO t VALUES (2)"_qs).ok());
            QVERIFY(tx.commit().ok());
        }
        auto count = db->prepare(u"SELECT group_concat(x) FROM t"_qs);
        QVERIFY(*count->step());
        QCOMPARE(count->columnText(0), u"2"_qs);
    }

    void constraintViolationHasStableCode()
    {
        ddd::test::TempDataRoot root;
        auto db = Database::open(root.file(u"agent.db"_qs));
        QVERIFY(db->exec(u"CREATE TABLE t (x TEXT UNIQUE)"_qs).ok());
        auto insert = db->prepare(u"INSERT INTO t VALUES (?1)"_qs);
        QVERIFY(insert->bind(1, u"a"_qs).run().ok());
        insert->reset();
        const auto again = insert->bind(1, u"a"_qs).run();
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, u"storage.constraint"_qs);
    }

    void providerGivesEachThreadItsOwnConnection()
    {
        ddd::test::TempDataRoot root;
        ConnectionProvider provider(root.file(u"agent.db"_qs));
        QVERIFY(provider.initialise().ok());
        Database *mine = &provider.current();
        Database *theirs = nullptr;
        std::thread other([&] {
            theirs = &provider.current();
            provider.releaseCurrent();
        });
        other.join();
        QVERIFY(theirs != nullptr);
        QVERIFY(mine != theirs);
        QCOMPARE(&provider.current(), mine);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
