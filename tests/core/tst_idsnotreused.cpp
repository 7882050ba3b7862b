// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
// Ids are never handed out twice: deleting the newest project, version,
// build (or any row whose id the API shows) leaves its id unused for good,
// and a database made at schema 8 (ids reusable) migrates with its rows,
// indexes, triggers and foreign keys intact.
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/statement.h"
#include "tests/support/deployfixture.h"
#include "tests/support/tempdataroot.h"

#include <QtTest>

using ddd::core::storage::Database;
using ddd::core::storage::Migrations;
using ddd::test::DeployFixture;

namespace {

constexpr int kLastReusingSchema = 8;
constexpr int kIdsNeverReusedSchema = 9; // later steps add tables and indexes of their own

qint64 scalar(Database &db, const QString &sql)
{
    auto statement = db.prepare(sql);
    if (!statement || !statement->step().ok())
        return -1;
    return statement->columnInt(0);
}

QStringList column(Database &db, const QString &sql)
{
    QStringList values;
    auto statement = db.prepare(sql);
    if (!statement)
        return {u"error"_qs};
    for (auto row = statement->step(); row && *row; row = statement->step())
        values.append(statement->columnText(0));
    return values;
}

void exec(Database &db, const QString &sql)
{
    const auto done = db.exec(sql);
    QVERIFY2(done.ok(), done.ok() ? "" : qPrintable(done.error().message + u": "_qs + sql));
}

// One row per table whose id the API shows, ids 1..3 for users.
void insertRows(Database &db)
{
    exec(db, u"INSERT INTO users(id, email, email_key, password_hash, role, created_at, updated_at) VALUES "
             "(1, 'a', 'a', 'h', 'user', 0, 0), (2, 'b', 'b', 'h', 'user', 0, 0), (3, 'c', 'c', 'h', 'user', 0, 0)"_qs);
    exec(db, u"INSERT INTO projects(id, owner_id, name, slug, domain, created_at, updated_at) VALUES "
             "(1, 1, 'p', 'p', 'p.example', 0, 0), (2, 2, 'q', 'q', NULL, 0, 0)"_qs);
    exec(db, u"INSERT INTO versions(id, project_id, number, status, source, created_at) VALUES "
             "(1, 1, 1, 'live', 'archive', 0), (2, 1, 2, 'ready', 'archive', 0)"_qs);
    exec(db, u"UPDATE projects SET live_version_id = 1, versions_created = 2 WHERE id = 1"_qs);
    exec(db, u"INSERT INTO version_files VALUES (1, 'index.html', 'aa', 3), (2, 'index.html', 'bb', 4)"_qs);
    exec(db, u"INSERT INTO project_aliases VALUES ('alias.example', 1, 0)"_qs);
    exec(db, u"INSERT INTO sources(id, project_id, number, created_at) VALUES (1, 1, 1, 0), (2, 1, 2, 0)"_qs);
    exec(db, u"INSERT INTO builds(id, project_id, number, status, trigger, source_id, version_id, created_at) VALUES "
             "(1, 1, 1, 'succeeded', 'upload', 1, 1, 0), (2, 1, 2, 'failed', 'upload', 2, NULL, 0)"_qs);
    exec(db, u"INSERT INTO api_tokens(id, user_id, name, secret_hash, capabilities, project_id, created_at) VALUES "
             "(1, 1, 't', x'01', '[]', 1, 0), (2, 1, 'u', x'02', '[]', NULL, 0)"_qs);
    exec(db, u"INSERT INTO build_hooks(id, project_id, name, secret_hash, created_at) VALUES "
             "(1, 1, 'h', x'01', 0), (2, 1, 'i', x'02', 0)"_qs);
}

const QStringList &idTables()
{
    static const QStringList tables{u"users"_qs,   u"api_tokens"_qs, u"projects"_qs,   u"versions"_qs,
                                    u"sources"_qs, u"builds"_qs,     u"build_hooks"_qs};
    return tables;
}

QString schemaObjects(Database &db, const QString &type)
{
    return column(db, u"SELECT name FROM sqlite_master WHERE type = '%1' ORDER BY name"_qs.arg(type)).join(u',');
}

} // namespace

class TestIdsNotReused final : public QObject
{
    Q_OBJECT

private slots:
    void deletedProjectIdIsNotReused()
    {
        DeployFixture fixture;
        const qint64 doomed = fixture.createProject(fixture.alice, u"Doomed"_qs);
        QVERIFY(fixture.projects().remove(fixture.alice, doomed).ok());
        QCOMPARE(fixture.createProject(fixture.alice, u"Next"_qs), doomed + 1);
    }

    void deletedVersionIdIsNotReused()
    {
        DeployFixture fixture;
        fixture.deployed({{"index.html", "one"}});
        const qint64 doomed = fixture.deployed({{"index.html", "two"}}, false).id;
        QVERIFY(fixture.service().remove(fixture.alice, doomed).ok());
        QCOMPARE(fixture.deployed({{"index.html", "three"}}, false).id, doomed + 1);
    }

    // Every table whose ids the API shows, at the SQL level (builds,
    // sources, tokens and hooks have no service short enough for a test).
    void everyIdTableRemembersItsHighestId()
    {
        ddd::test::TempDataRoot root;
        auto db = Database::open(root.file(u"agent.db"_qs));
        QVERIFY(db.ok());
        QVERIFY(Migrations::migrate(*db).ok());
        insertRows(*db);
        const QList<QPair<QString, QString>> fresh{
            {u"users"_qs, u"(email, email_key, password_hash, role, created_at, updated_at) VALUES ('n', 'n', 'h', 'user', 0, 0)"_qs},
            {u"api_tokens"_qs, u"(user_id, name, secret_hash, capabilities, created_at) VALUES (1, 'n', x'09', '[]', 0)"_qs},
            {u"projects"_qs, u"(owner_id, name, slug, created_at, updated_at) VALUES (1, 'n', 'n', 0, 0)"_qs},
            {u"versions"_qs, u"(project_id, number, status, source, created_at) VALUES (1, 9, 'ready', 'archive', 0)"_qs},
            {u"sources"_qs, u"(project_id, number, created_at) VALUES (1, 9, 0)"_qs},
            {u"builds"_qs, u"(project_id, number, status, trigger, created_at) VALUES (1, 9, 'queued', 'upload', 0)"_qs},
            {u"build_hooks"_qs, u"(project_id, name, secret_hash, created_at) VALUES (1, 'n', x'09', 0)"_qs},
        };
        QCOMPARE(fresh.size(), idTables().size());
        for (const auto &[table, values] : fresh) {
            const qint64 newest = scalar(*db, u"SELECT MAX(id) FROM "_qs + table);
            exec(*db, u"DELETE FROM %1 WHERE id = %2"_qs.arg(table).arg(newest));
            QVERIFY2(scalar(*db, u"INSERT INTO "_qs + table + values + u" RETURNING id"_qs) == newest + 1, qPrintable(table));
        }
    }

    void oldDatabaseMigratesKeepingRowsIndexesAndKeys()
    {
        ddd::test::TempDataRoot root;
        auto db = Database::open(root.file(u"agent.db"_qs));
        QVERIFY(db.ok());
        QVERIFY(Migrations::migrateTo(*db, kLastReusingSchema).ok());
        QCOMPARE(*Migrations::currentVersion(*db), kLastReusingSchema);
        insertRows(*db);
        exec(*db, u"DELETE FROM users WHERE id = 3"_qs); // the newest: 3 would come back at schema 8
        const QString indexes = schemaObjects(*db, u"index"_qs);
        const QString triggers = schemaObjects(*db, u"trigger"_qs);
        const QStringList versionsBefore = column(*db, u"SELECT id || ':' || status || ':' || project_id FROM versions ORDER BY id"_qs);

        QVERIFY(Migrations::migrateTo(*db, kIdsNeverReusedSchema).ok());
        QCOMPARE(*Migrations::currentVersion(*db), kIdsNeverReusedSchema);
        QCOMPARE(schemaObjects(*db, u"index"_qs), indexes);
        QCOMPARE(schemaObjects(*db, u"trigger"_qs), triggers);
        QCOMPARE(column(*db, u"SELECT id || ':' || status || ':' || project_id FROM versions ORDER BY id"_qs), versionsBefore);
        QCOMPARE(scalar(*db, u"SELECT COUNT(*) FROM version_files"_qs), 2);
        QCOMPARE(scalar(*db, u"SELECT live_version_id FROM projects WHERE id = 1"_qs), 1);
        QCOMPARE(column(*db, u"PRAGMA integrity_check"_qs), QStringList{u"ok"_qs});
        QCOMPARE(column(*db, u"PRAGMA foreign_key_check"_qs), QStringList());
        QCOMPARE(scalar(*db, u"PRAGMA foreign_keys"_qs), 1); // back on after the rebuild
        for (const QString &table : idTables())
            QVERIFY2(column(*db, u"SELECT sql FROM sqlite_master WHERE name = '%1'"_qs.arg(table)).join(QString()).contains(u"AUTOINCREMENT"_qs),
                     qPrintable(table));

        // The highest id still known is remembered; from now on none comes back.
        QCOMPARE(scalar(*db, u"INSERT INTO users(email, email_key, password_hash, role, created_at, updated_at) VALUES ('d', 'd', 'h', 'user', 0, 0) RETURNING id"_qs), 3);
        exec(*db, u"DELETE FROM users WHERE id = 3"_qs);
        QCOMPARE(scalar(*db, u"INSERT INTO users(email, email_key, password_hash, role, created_at, updated_at) VALUES ('e', 'e', 'h', 'user', 0, 0) RETURNING id"_qs), 4);
        // Triggers and cascades still hold.
        QVERIFY(!db->exec(u"INSERT INTO project_aliases VALUES ('p.example', 2, 0)"_qs).ok());
        exec(*db, u"DELETE FROM projects WHERE id = 1"_qs);
        QCOMPARE(scalar(*db, u"SELECT COUNT(*) FROM versions"_qs), 0);
        QCOMPARE(scalar(*db, u"SELECT COUNT(*) FROM version_files"_qs), 0);
        QCOMPARE(scalar(*db, u"SELECT COUNT(*) FROM builds"_qs), 0);
        QCOMPARE(scalar(*db, u"SELECT COUNT(*) FROM api_tokens"_qs), 1); // the one scoped to the project went
        // And the steps after it still apply on top.
        QVERIFY(Migrations::migrate(*db).ok());
        QCOMPARE(*Migrations::currentVersion(*db), Migrations::latestVersion());
        QCOMPARE(column(*db, u"PRAGMA integrity_check"_qs), QStringList{u"ok"_qs});
    }

    void migrationWithBrokenForeignKeysRollsBack()
    {
        ddd::test::TempDataRoot root;
        auto db = Database::open(root.file(u"agent.db"_qs));
        QVERIFY(db.ok());
        QVERIFY(Migrations::migrateTo(*db, kLastReusingSchema).ok());
        insertRows(*db);
        exec(*db, u"PRAGMA foreign_keys=OFF; INSERT INTO versions(id, project_id, number, status, source, created_at) "
                  "VALUES (9, 99, 1, 'ready', 'archive', 0); PRAGMA foreign_keys=ON"_qs);
        const auto migrated = Migrations::migrate(*db);
        QVERIFY(!migrated.ok());
        QCOMPARE(migrated.error().code, u"storage.migration_failed"_qs);
        QCOMPARE(*Migrations::currentVersion(*db), kLastReusingSchema);
        QVERIFY(!column(*db, u"SELECT sql FROM sqlite_master WHERE name = 'versions'"_qs).join(QString()).contains(u"AUTOINCREMENT"_qs));
        QCOMPARE(scalar(*db, u"PRAGMA foreign_keys"_qs), 1);
    }
};

QTEST_GUILESS_MAIN(TestIdsNotReused)
#include "tst_idsnotreused.moc"
