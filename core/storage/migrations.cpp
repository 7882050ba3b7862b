// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/migrations.h"

#include "core/storage/database.h"
#include "core/storage/postgresschema.h"
#include "core/storage/schemasteps.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"

#include <QStringList>

#include <algorithm>

namespace ddd::core::storage {

namespace {

// A step starting with this line runs with foreign keys off, as SQLite's
// table rebuild procedure requires; foreign_key_check must pass before it
// commits. The pragma is a no-op inside a transaction, hence outside it.
const QString kForeignKeysOff = u"-- ddd: foreign_keys off"_qs;

Status setVersion(Database &db, int version)
{
    Result<Statement> stmt = db.prepare(
        u"INSERT INTO meta(key, value) VALUES('schema_version', ?1) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value"_qs);
    if (!stmt)
        return stmt.error();
    return stmt->bind(1, qint64(version)).run();
}

Error migrationFailed(int version, const QString &why)
{
    return Error::make(u"storage.migration_failed"_qs, QStringLiteral("migration %1 failed: %2").arg(version).arg(why));
}

Error tooNew(int version)
{
    return Error::make(u"storage.schema_too_new"_qs, QStringLiteral("database schema %1 is newer than this agent knows (%2)")
                                                          .arg(version)
                                                          .arg(Migrations::latestVersion()));
}

} // namespace

int Migrations::latestVersion()
{
    return int(schemaSteps().size());
}

Result<int> Migrations::currentVersion(Database &db)
{
    Status created = db.exec(u"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL)"_qs);
    if (!created)
        return created.error();
    Result<Statement> stmt = db.prepare(u"SELECT value FROM meta WHERE key = 'schema_version'"_qs);
    if (!stmt)
        return stmt.error();
    Result<bool> row = stmt->step();
    if (!row)
        return row.error();
    return *row ? int(stmt->columnInt(0)) : 0;
}

Status Migrations::requireCurrent(Database &db)
{
    Result<Statement> stmt = db.prepare(u"SELECT value FROM meta WHERE key = 'schema_version'"_qs);
    Result<bool> row = stmt ? stmt->step() : Result<bool>(stmt.error());
    const int version = row && *row ? int(stmt->columnInt(0)) : 0;
    if (version > latestVersion())
        return tooNew(version);
    if (version < latestVersion())
        return Error::make(u"storage.schema_behind"_qs,
                           QStringLiteral("database schema %1, this agent needs %2: start an agent with the api "
                                          "role of this release first, it migrates the database")
                               .arg(version)
                               .arg(latestVersion()));
    return {};
}

Status Migrations::migrate(Database &db)
{
    if (db.dialect() == SqlDialect::Postgres)
        return migratePostgres(db);
    return migrateTo(db, latestVersion());
}

// All in one transaction: PostgreSQL's DDL is transactional, and the
// writers' lock makes an agent that starts beside another wait for its
// migration and then find the schema current.
Status Migrations::migratePostgres(Database &db)
{
    Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    Result<int> current = currentVersion(db);
    if (!current)
        return current.error();
    if (*current > latestVersion())
        return tooNew(*current);
    if (*current == latestVersion())
        return tx.commit(); // nothing written
    const int baseline = PostgresSchema::baselineVersion();
    if (*current == 0) {
        if (Status created = db.exec(PostgresSchema::baseline()); !created)
            return migrationFailed(baseline, created.error().message);
        current = baseline;
    }
    for (int version = *current + 1; version <= latestVersion(); ++version) {
        const qsizetype later = version - baseline - 1;
        if (later < 0 || later >= PostgresSchema::laterSteps().size())
            return migrationFailed(version, u"no PostgreSQL form of this step"_qs);
        if (Status applied = db.exec(PostgresSchema::laterSteps().at(later)); !applied)
            return migrationFailed(version, applied.error().message);
    }
    if (Status recorded = setVersion(db, latestVersion()); !recorded)
        return recorded;
    return tx.commit();
}

Status Migrations::migrateTo(Database &db, int target)
{
    Result<int> current = currentVersion(db);
    if (!current)
        return current.error();
    if (*current > latestVersion())
        return tooNew(*current);
    for (int version = *current + 1; version <= std::min(target, latestVersion()); ++version) {
        const QString &step = schemaSteps().at(version - 1);
        if (!step.startsWith(kForeignKeysOff)) {
            if (Status applied = apply(db, version, false); !applied)
                return applied;
            continue;
        }
        if (Status off = db.exec(u"PRAGMA foreign_keys=OFF"_qs); !off)
            return off;
        const Status applied = apply(db, version, true);
        if (Status on = db.exec(u"PRAGMA foreign_keys=ON"_qs); !on)
            return on;
        if (!applied)
            return applied;
    }
    return {};
}

Status Migrations::apply(Database &db, int version, bool checkForeignKeys)
{
    const auto failed = [version](const QString &why) { return migrationFailed(version, why); };
    Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    Status applied = db.exec(schemaSteps().at(version - 1));
    if (!applied)
        return failed(applied.error().message);
    if (checkForeignKeys) {
        Result<Statement> check = db.prepare(u"PRAGMA foreign_key_check"_qs);
        if (!check)
            return check.error();
        Result<bool> violation = check->step();
        if (!violation)
            return violation.error();
        if (*violation)
            return failed(u"foreign key violation in table "_qs + check->columnText(0));
    }
    Status recorded = setVersion(db, version);
    if (!recorded)
        return recorded;
    return tx.commit();
}

} // namespace ddd::core::storage
