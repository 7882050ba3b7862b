// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/databasecopy.h"

#include "core/storage/batchinsert.h"
#include "core/storage/database.h"
#include "core/storage/migrations.h"
#include "core/storage/statement.h"
#include "core/storage/transaction.h"

#include <QCryptographicHash>

#include <algorithm>
#include <vector>

namespace ddd::core::storage {

namespace {

struct Column
{
    QString name;
    QString type; // PostgreSQL's data_type: bigint, text or bytea
};

using Value = BatchInsert::Value;

// One value as the target column's type reads it.
Value readValue(const Statement &row, int column, const Column &type)
{
    if (row.columnIsNull(column))
        return {};
    if (type.type == u"bigint"_qs || type.type == u"integer"_qs)
        return row.columnInt(column);
    if (type.type == u"bytea"_qs)
        return row.columnBlob(column);
    return row.columnText(column);
}

void addToDigest(const Value &value, QCryptographicHash &digest)
{
    QByteArray bytes;
    if (const auto *integer = std::get_if<qint64>(&value))
        bytes = QByteArray::number(*integer);
    else if (const auto *text = std::get_if<QString>(&value))
        bytes = text->toUtf8();
    else if (const auto *blob = std::get_if<QByteArray>(&value))
        bytes = *blob;
    digest.addData(QByteArray::number(value.index()) + ':' + QByteArray::number(bytes.size()) + ':' + bytes);
}

using Row = std::vector<Value>;

Error mismatch(const QString &table, const QString &what)
{
    return Error::make(u"migrate.mismatch"_qs, u"%1: %2 differ after the copy"_qs.arg(table, what));
}

Result<QList<Column>> columnsOf(Database &target, const QString &table)
{
    Result<Statement> query = target.prepare(
        u"SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = ?1 ORDER BY ordinal_position"_qs);
    if (!query)
        return query.error();
    query->bind(1, table);
    return query->collect<Column>([](Statement &row) { return Column{row.columnText(0), row.columnText(1)}; });
}

Result<QStringList> primaryKeyOf(Database &target, const QString &table)
{
    Result<Statement> query = target.prepare(
        u"SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
        "AND a.attnum = ANY(CAST(i.indkey AS int2[])) WHERE i.indrelid = CAST(?1 AS regclass) AND i.indisprimary "
        "ORDER BY array_position(CAST(i.indkey AS int2[]), a.attnum)"_qs);
    if (!query)
        return query.error();
    query->bind(1, table);
    Result<QList<QString>> names = query->collect<QString>([](Statement &row) { return row.columnText(0); });
    if (!names)
        return names.error();
    return QStringList(*names);
}

QString columnList(const QList<Column> &columns, const QString &nulled = {})
{
    QStringList names;
    for (const Column &column : columns)
        names.append(column.name == nulled ? u"NULL"_qs : column.name);
    return names.join(u", "_qs);
}

// Every row of `sql`, read as `columns` say, handed to `take` in order.
template<typename Take>
Status eachRow(Database &db, const QString &sql, const QList<Column> &columns, Take take)
{
    Result<Statement> rows = db.prepare(sql);
    if (!rows)
        return rows.error();
    for (;;) {
        Result<bool> more = rows->step();
        if (!more)
            return more.error();
        if (!*more)
            return {};
        Row row;
        for (int i = 0; i < columns.size(); ++i)
            row.push_back(readValue(*rows, i, columns[i]));
        if (Status taken = take(std::move(row)); !taken)
            return taken;
    }
}

// projects.live_version_id points at versions, copied later: NULL for now.
Result<qint64> copyTable(Database &from, Database &to, const QString &table)
{
    Result<QList<Column>> columns = columnsOf(to, table);
    if (!columns)
        return columns.error();
    QStringList names;
    for (const Column &column : *columns)
        names.append(column.name);
    BatchInsert insert(to, table, names);
    const QString nulled = table == u"projects"_qs ? u"live_version_id"_qs : QString();
    qint64 copied = 0;
    const Status read = eachRow(from, u"SELECT %1 FROM %2"_qs.arg(columnList(*columns, nulled), table), *columns,
                                [&](Row row) {
                                    ++copied;
                                    return insert.add(std::move(row));
                                });
    if (!read)
        return read.error();
    if (Status rest = insert.finish(); !rest)
        return rest.error();
    return copied;
}

Status linkLiveVersions(Database &from, Database &to)
{
    const QList<Column> columns{{u"id"_qs, u"bigint"_qs}, {u"live_version_id"_qs, u"bigint"_qs}};
    Result<Statement> update = to.prepare(u"UPDATE projects SET live_version_id = ?2 WHERE id = ?1"_qs);
    if (!update)
        return update.error();
    return eachRow(from, u"SELECT id, live_version_id FROM projects WHERE live_version_id IS NOT NULL"_qs, columns,
                   [&](Row row) {
                       update->reset();
                       update->bind(1, std::get<qint64>(row[0])).bind(2, std::get<qint64>(row[1]));
                       return update->run();
                   });
}

// The copy changes no site: with the triggers that count and announce site
// changes off (in this transaction only), site_revision stays as copied,
// and verify finds it so.
Status countSiteChanges(Database &to, bool on)
{
    const QString state = on ? u"ENABLE"_qs : u"DISABLE"_qs;
    if (Status projects = to.exec(u"ALTER TABLE projects %1 TRIGGER projects_site_changed"_qs.arg(state)); !projects)
        return projects;
    return to.exec(u"ALTER TABLE project_aliases %1 TRIGGER project_aliases_site_changed"_qs.arg(state));
}

// SQLite's AUTOINCREMENT remembers the highest id ever given, which may
// belong to a deleted row: the identity continues after it.
Status continueIdentity(Database &from, Database &to, const QString &table)
{
    Result<Statement> identity = to.prepare(u"SELECT 1 FROM information_schema.columns WHERE table_schema = "
                                            "current_schema() AND table_name = ?1 AND column_name = 'id' "
                                            "AND is_identity = 'YES'"_qs);
    if (!identity)
        return identity.error();
    Result<bool> hasIdentity = identity->bind(1, table).step();
    if (!hasIdentity || !*hasIdentity)
        return hasIdentity ? Status() : Status(hasIdentity.error());
    qint64 highest = 0;
    for (const QString &sql : {u"SELECT MAX(id) FROM %1"_qs.arg(table),
                               u"SELECT seq FROM sqlite_sequence WHERE name = '%1'"_qs.arg(table)}) {
        Result<Statement> query = from.prepare(sql); // no sqlite_sequence until an id was given
        if (!query)
            continue;
        const Result<bool> row = query->step();
        if (row && *row)
            highest = std::max(highest, query->columnInt(0));
    }
    if (highest == 0)
        return {};
    Result<Statement> set = to.prepare(u"SELECT setval(pg_get_serial_sequence(?1, 'id'), ?2)"_qs);
    if (!set)
        return set.error();
    return set->bind(1, table).bind(2, highest).run();
}

Status requireEmpty(Database &to)
{
    for (const QString &table : DatabaseCopy::tables()) {
        Result<Statement> any = to.prepare(u"SELECT 1 FROM %1 LIMIT 1"_qs.arg(table));
        if (!any)
            return any.error();
        Result<bool> found = any->step();
        if (!found)
            return found.error();
        if (*found)
            return Error::make(u"migrate.target_not_empty"_qs,
                               u"the PostgreSQL database already holds %1; migrate into an empty one"_qs.arg(table));
    }
    return {};
}

Status requireLatestSchema(Database &from, Database &to)
{
    for (Database *db : {&from, &to}) {
        Result<int> version = Migrations::currentVersion(*db);
        if (!version)
            return version.error();
        if (*version != Migrations::latestVersion())
            return Error::make(u"migrate.schema_mismatch"_qs,
                               u"schema %1, expected %2: migrate both first"_qs.arg(*version).arg(Migrations::latestVersion()));
    }
    return {};
}

Result<QByteArray> digestOf(Database &db, const QString &table, const QList<Column> &columns, const QStringList &key,
                            qint64 &rows)
{
    QCryptographicHash digest(QCryptographicHash::Sha256);
    rows = 0;
    const Status read = eachRow(db, u"SELECT %1 FROM %2 ORDER BY %3"_qs.arg(columnList(columns), table, key.join(u", "_qs)),
                                columns, [&](Row row) {
                                    ++rows;
                                    for (const Value &value : row)
                                        addToDigest(value, digest);
                                    return Status();
                                });
    if (!read)
        return read.error();
    return digest.result();
}

} // namespace

const QStringList &DatabaseCopy::tables()
{
    static const QStringList all = {
        u"users"_qs,        u"projects"_qs,       u"api_tokens"_qs,   u"versions"_qs,           u"version_files"_qs,
        u"upload_sessions"_qs, u"project_aliases"_qs, u"blob_variants"_qs, u"sources"_qs,        u"source_files"_qs,
        u"builds"_qs,       u"build_hooks"_qs,    u"activity"_qs,     u"webhooks"_qs,           u"webhook_deliveries"_qs,
        u"archive_uploads"_qs, u"published_blobs"_qs, u"agents"_qs, u"agent_secrets"_qs,
        u"login_failures"_qs, u"archive_upload_pieces"_qs, u"build_log_chunks"_qs,
        u"certificate_statuses"_qs, u"certificate_pairs"_qs, u"acme_orders"_qs, u"acme_challenges"_qs,
    };
    return all;
}

Result<QList<DatabaseCopy::Table>> DatabaseCopy::copy(Database &from, Database &to)
{
    if (Status latest = requireLatestSchema(from, to); !latest)
        return latest.error();
    Transaction tx(to);
    if (!tx.begun())
        return tx.begun().error();
    if (Status empty = requireEmpty(to); !empty)
        return empty.error();
    if (Status snapshot = from.exec(u"BEGIN"_qs); !snapshot) // one consistent read of the source
        return snapshot.error();
    QList<Table> copied;
    Status done = [&]() -> Status {
        if (Status off = countSiteChanges(to, false); !off)
            return off;
        for (const QString &table : tables()) {
            Result<qint64> rows = copyTable(from, to, table);
            if (!rows)
                return rows.error();
            copied.append({table, *rows});
        }
        if (Status linked = linkLiveVersions(from, to); !linked)
            return linked;
        if (Status on = countSiteChanges(to, true); !on)
            return on;
        for (const QString &table : tables())
            if (Status continued = continueIdentity(from, to, table); !continued)
                return continued;
        return {};
    }();
    (void)from.rollback();
    if (!done)
        return done.error();
    if (Status committed = tx.commit(); !committed)
        return committed.error();
    return copied;
}

Status DatabaseCopy::verify(Database &from, Database &to)
{
    for (const QString &table : tables()) {
        Result<QList<Column>> columns = columnsOf(to, table);
        if (!columns)
            return columns.error();
        Result<QStringList> key = primaryKeyOf(to, table);
        if (!key)
            return key.error();
        qint64 fromRows = 0, toRows = 0;
        Result<QByteArray> fromDigest = digestOf(from, table, *columns, *key, fromRows);
        Result<QByteArray> toDigest = digestOf(to, table, *columns, *key, toRows);
        if (!fromDigest)
            return fromDigest.error();
        if (!toDigest)
            return toDigest.error();
        if (fromRows != toRows)
            return mismatch(table, u"row counts (%1 and %2)"_qs.arg(fromRows).arg(toRows));
        if (*fromDigest != *toDigest)
            return mismatch(table, u"values"_qs);
    }
    return {};
}

} // namespace ddd::core::storage
