// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/database.h"
#include "core/storage/databasecopy.h"
#include "core/storage/migrations.h"
#include "core/storage/statement.h"
#include "tests/support/deployfixture.h"
#include "tests/support/postgrestestserver.h"
#include "tests/support/tempdataroot.h"

#include <QtTest>

using ddd::core::storage::Database;
using ddd::core::storage::DatabaseCopy;
using ddd::core::storage::Migrations;
using ddd::test::DeployFixture;

// `ddd-agent migrate`'s copy from an agent's SQLite database (made by the
// real deployment service) into a real PostgreSQL 15 one: every row, the
// live pointers, ids that never come back, a verification that notices a
// changed value, and the refusals, each leaving the target as it was.
class TestDatabaseCopy final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString failure = m_server.start();
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    void everyRowArrivesAndVerifies()
    {
        DeployFixture f;
        populate(f);
        Database to = emptyTarget();
        const auto copied = DatabaseCopy::copy(f.db(), to);
        QVERIFY2(copied, qPrintable(copied ? QString() : copied.error().message));
        QCOMPARE(copied->size(), DatabaseCopy::tables().size());
        for (const auto &table : *copied)
            QCOMPARE(table.rows, scalar(f.db(), u"SELECT COUNT(*) FROM "_qs + table.name));
        QVERIFY(scalar(to, u"SELECT COUNT(*) FROM version_files"_qs) >= 3);
        QCOMPARE(scalar(to, u"SELECT live_version_id FROM projects WHERE id = %1"_qs.arg(f.projectId)),
                 scalar(f.db(), u"SELECT live_version_id FROM projects WHERE id = %1"_qs.arg(f.projectId)));
        QCOMPARE(text(to, u"SELECT secret_hash FROM build_hooks"_qs), QByteArray("\x00\xffhook", 6));
        QVERIFY(DatabaseCopy::verify(f.db(), to).ok());

        // SQLite handed out higher ids to rows since deleted: none comes back.
        const qint64 highestEver = scalar(f.db(), u"SELECT seq FROM sqlite_sequence WHERE name = 'projects'"_qs);
        QVERIFY(highestEver > scalar(f.db(), u"SELECT MAX(id) FROM projects"_qs));
        QCOMPARE(scalar(to, u"INSERT INTO projects (owner_id, name, slug, created_at, updated_at) "
                            "VALUES (1, 'new', 'newslug', 0, 0) RETURNING id"_qs),
                 highestEver + 1);
    }

    // A table a later migration adds must be copied too.
    void everyTableIsCopied()
    {
        Database to = emptyTarget();
        QStringList tables;
        auto query = to.prepare(u"SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                "current_schema() AND table_name <> 'meta'"_qs);
        for (auto row = query->step(); row.ok() && *row; row = query->step())
            tables.append(query->columnText(0));
        QVERIFY(!tables.isEmpty());
        QStringList copied = DatabaseCopy::tables();
        tables.sort();
        copied.sort();
        QCOMPARE(copied, tables);
    }

    void aChangedValueFailsVerification()
    {
        DeployFixture f;
        populate(f);
        Database to = emptyTarget();
        QVERIFY(DatabaseCopy::copy(f.db(), to).ok());
        QVERIFY(to.exec(u"UPDATE version_files SET size = size + 1 WHERE path = 'index.html'"_qs).ok());
        const auto verified = DatabaseCopy::verify(f.db(), to);
        QCOMPARE(verified.error().code, u"migrate.mismatch"_qs);
        QVERIFY(verified.error().message.contains(u"version_files"_qs));
        QVERIFY(to.exec(u"DELETE FROM activity"_qs).ok());
        QVERIFY(to.exec(u"UPDATE version_files SET size = size - 1 WHERE path = 'index.html'"_qs).ok());
        QVERIFY(DatabaseCopy::verify(f.db(), to).error().message.contains(u"activity: row counts"_qs));
    }

    void aTargetWithRowsIsRefused()
    {
        DeployFixture f;
        populate(f);
        Database to = emptyTarget();
        QVERIFY(DatabaseCopy::copy(f.db(), to).ok());
        const qint64 versions = scalar(to, u"SELECT COUNT(*) FROM versions"_qs);
        const auto again = DatabaseCopy::copy(f.db(), to);
        QCOMPARE(again.error().code, u"migrate.target_not_empty"_qs);
        QCOMPARE(scalar(to, u"SELECT COUNT(*) FROM versions"_qs), versions);
        QVERIFY(DatabaseCopy::verify(f.db(), to).ok());
    }

    void anOlderSchemaIsRefused()
    {
        ddd::test::TempDataRoot root;
        auto old = Database::open(root.file(u"agent.db"_qs));
        QVERIFY(Migrations::migrateTo(*old, Migrations::latestVersion() - 1).ok());
        Database to = emptyTarget();
        QCOMPARE(DatabaseCopy::copy(*old, to).error().code, u"migrate.schema_mismatch"_qs);
    }

    // A row PostgreSQL refuses half-way (here a file of a version that does
    // not exist, which SQLite let in with its foreign keys off): nothing is
    // kept, so the copy can simply run again once the source is fixed.
    void aFailedCopyLeavesTheTargetEmpty()
    {
        DeployFixture f;
        populate(f);
        QVERIFY(f.db().exec(u"PRAGMA foreign_keys=OFF; INSERT INTO version_files (version_id, path, sha256, size) "
                            "VALUES (999, 'orphan.html', 'x', 1); PRAGMA foreign_keys=ON"_qs).ok());
        Database to = emptyTarget();
        const auto copied = DatabaseCopy::copy(f.db(), to);
        QCOMPARE(copied.error().code, u"storage.constraint"_qs);
        for (const QString &table : DatabaseCopy::tables())
            QCOMPARE(scalar(to, u"SELECT COUNT(*) FROM "_qs + table), 0);
        QVERIFY(f.db().exec(u"DELETE FROM version_files WHERE version_id = 999"_qs).ok());
        QVERIFY(DatabaseCopy::copy(f.db(), to).ok());
        QVERIFY(DatabaseCopy::verify(f.db(), to).ok());
    }

private:
    // Versions live and retired, a deleted project (so SQLite's highest id
    // is above its largest), aliases, a hook with a binary secret, activity.
    static void populate(DeployFixture &f)
    {
        f.deployed({{"index.html", "one"}, {"docs/a.html", "a"}});
        f.deployed({{"index.html", "two"}, {"docs/a.html", "a"}});
        const qint64 doomed = f.createProject(f.bob, u"Doomed"_qs);
        QVERIFY(f.db().exec(u"DELETE FROM projects WHERE id = %1"_qs.arg(doomed)).ok());
        QVERIFY(f.db().exec(u"INSERT INTO project_aliases (host, project_id, position) "
                            "VALUES ('alias.example.com', %1, 0)"_qs.arg(f.projectId)).ok());
        auto hook = f.db().prepare(u"INSERT INTO build_hooks (project_id, name, secret_hash, created_at) "
                                   "VALUES (?1, 'hook', ?2, 0)"_qs);
        QVERIFY(hook->bind(1, f.projectId).bind(2, QByteArray("\x00\xffhook", 6)).run().ok());
        QVERIFY(f.db().exec(u"INSERT INTO activity (project_id, at, kind, actor, via, outcome, detail) "
                            "VALUES (%1, 5, 'deploy', 'a', 'session', 'ok', '{}')"_qs.arg(f.projectId)).ok());
    }

    Database emptyTarget()
    {
        auto db = Database::connect(m_server.freshDatabase());
        if (!db || !Migrations::migrate(*db))
            qFatal("cannot prepare the target");
        return std::move(db).value();
    }

    static bool hasRow(ddd::core::Result<ddd::core::storage::Statement> &query)
    {
        if (!query)
            return false;
        const auto row = query->step();
        return row && *row;
    }

    static qint64 scalar(Database &db, const QString &sql)
    {
        auto query = db.prepare(sql);
        return hasRow(query) ? query->columnInt(0) : -1;
    }

    static QByteArray text(Database &db, const QString &sql)
    {
        auto query = db.prepare(sql);
        return hasRow(query) ? query->columnBlob(0) : QByteArray();
    }

    ddd::test::PostgresTestServer m_server;
};

QTEST_GUILESS_MAIN(TestDatabaseCopy)
#include "tst_databasecopy.moc"
