// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/migrations.h"

#include "core/storage/database.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"

#include <QStringList>

namespace ddd::core::storage {

namespace {

// Step N brings the schema from version N-1 to N. Steps are append-only:
// never edit one that has shipped, add the next instead. Times are Unix
// milliseconds (UTC).
const QStringList &steps()
{
    static const QStringList all = {
        // 1: accounts, API tokens, projects.
        uR"sql(
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL,
    email_key     TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('user', 'admin', 'operator')),
    token_version INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    secret_hash  BLOB NOT NULL UNIQUE,
    capabilities TEXT NOT NULL,
    project_id   INTEGER REFERENCES projects(id) ON DELETE CASCADE,
    expires_at   INTEGER,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);
CREATE TABLE projects (
    id         INTEGER PRIMARY KEY,
    owner_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    domain     TEXT UNIQUE,
    slug       TEXT NOT NULL UNIQUE,
    settings   TEXT NOT NULL DEFAULT '{}',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX projects_owner ON projects(owner_id);
)sql"_qs,
    };
    return all;
}

Status setVersion(Database &db, int version)
{
    Result<Statement> stmt = db.prepare(
        u"INSERT INTO meta(key, value) VALUES('schema_version', ?1) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value"_qs);
    if (!stmt)
        return stmt.error();
    return stmt->bind(1, qint64(version)).run();
}

} // namespace

int Migrations::latestVersion()
{
    return int(steps().size());
}

Result<int> Migrations::currentVersion(Database &db)
{
    Status created = db.exec(u"CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)"_qs);
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

Status Migrations::migrate(Database &db)
{
    Result<int> current = currentVersion(db);
    if (!current)
        return current.error();
    if (*current > latestVersion())
        return Error::make(u"storage.schema_too_new"_qs,
                           QStringLiteral("database schema %1 is newer than this agent knows (%2)")
                               .arg(*current).arg(latestVersion()));
    for (int version = *current + 1; version <= latestVersion(); ++version) {
        Transaction tx(db);
        if (!tx.begun())
            return tx.begun();
        Status applied = db.exec(steps().at(version - 1));
        if (!applied)
            return Error::make(u"storage.migration_failed"_qs,
                               QStringLiteral("migration %1 failed: %2").arg(version).arg(applied.error().message));
        Status recorded = setVersion(db, version);
        if (!recorded)
            return recorded;
        Status committed = tx.commit();
        if (!committed)
            return committed;
    }
    return {};
}

} // namespace ddd::core::storage
