// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/backup/storecheck.h"

#include "core/backup/blobverifier.h"
#include "core/backup/bucketonlyblobs.h"
#include "core/backup/snapshotcontents.h"
#include "core/blobs/sweeplock.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>

namespace ddd::core::backup {

namespace {

constexpr int kMaxRowsReported = 100;

CheckProblem corrupt(const QString &message)
{
    return {u"check.database_corrupt"_qs, u"agent.db: "_qs + message, {}};
}

// PRAGMA integrity_check: "ok" or one row per problem. False when the
// database cannot even be read, so nothing else can be checked.
bool checkIntegrity(storage::Database &db, CheckReport &report)
{
    Result<storage::Statement> pragma = db.prepare(u"PRAGMA integrity_check(%1)"_qs.arg(kMaxRowsReported));
    if (!pragma) {
        report.problems.append(corrupt(pragma.error().message));
        return false;
    }
    for (;;) {
        Result<bool> row = pragma->step();
        if (!row) {
            report.problems.append(corrupt(row.error().message + u' ' + db.lastErrorMessage()));
            return false;
        }
        if (!*row)
            return true;
        if (const QString line = pragma->columnText(0); line != u"ok")
            report.problems.append(corrupt(line));
    }
}

void checkForeignKeys(storage::Database &db, CheckReport &report)
{
    Result<storage::Statement> pragma = db.prepare(u"PRAGMA foreign_key_check"_qs);
    if (!pragma) {
        report.problems.append(corrupt(pragma.error().message));
        return;
    }
    while (true) {
        Result<bool> row = pragma->step();
        if (!row)
            report.problems.append(corrupt(row.error().message));
        if (!row || !*row)
            return;
        const QString table = pragma->columnText(0);
        const qint64 rowid = pragma->columnInt(1);
        const QString parent = pragma->columnText(2);
        report.problems.append({u"check.foreign_key"_qs,
                                QStringLiteral("%1 row %2 names a missing %3 row").arg(table).arg(rowid).arg(parent),
                                {{u"table"_qs, table}, {u"rowid"_qs, rowid}, {u"parent"_qs, parent}}});
    }
}

QJsonArray idsUsing(storage::Database &db, const QString &sql, const QString &sha256)
{
    QJsonArray ids;
    Result<storage::Statement> statement = db.prepare(sql);
    if (!statement)
        return ids;
    statement->bind(1, sha256);
    for (Result<bool> row = statement->step(); row && *row; row = statement->step())
        ids.append(statement->columnInt(0));
    return ids;
}

// Names the versions and sources a damaged blob breaks, for the operator.
void describe(storage::Database &db, CheckProblem &problem)
{
    const QString sha256 = problem.details.value(u"sha256"_qs).toString();
    problem.details.insert(u"versions"_qs,
                           idsUsing(db, u"SELECT DISTINCT version_id FROM version_files WHERE sha256 = ?1 ORDER BY version_id"_qs, sha256));
    problem.details.insert(u"sources"_qs,
                           idsUsing(db, u"SELECT DISTINCT source_id FROM source_files WHERE sha256 = ?1 ORDER BY source_id"_qs, sha256));
    const QJsonArray versions = problem.details.value(u"versions"_qs).toArray();
    if (!versions.isEmpty())
        problem.message += u" (used by version "_qs + QString::number(versions.first().toInteger())
            + (versions.size() > 1 ? u" and %1 more)"_qs.arg(versions.size() - 1) : u")"_qs);
}

void checkBlobs(const QString &dataRoot, storage::Database &db, int threads, blobs::ObjectStore *shared,
                CheckReport &report)
{
    Result<blobs::SweepLock> lock = blobs::SweepLock::read(dataRoot);
    if (!lock) {
        report.problems.append({u"check.database_corrupt"_qs, lock.error().message, {}});
        return;
    }
    // One read transaction: the blob list and the descriptions see one state.
    (void)db.exec(u"BEGIN"_qs);
    Result<SnapshotContents> contents = SnapshotContents::read(db);
    if (!contents) {
        report.problems.append(corrupt(contents.error().message));
        (void)db.exec(u"ROLLBACK"_qs);
        return;
    }
    report.counts = contents->counts;
    for (const QByteArray &sha256 : contents->sizeConflicts)
        report.problems.append({u"check.size_conflict"_qs,
                                u"blob "_qs + QString::fromLatin1(sha256) + u" is recorded with different sizes"_qs,
                                {{u"sha256"_qs, QString::fromLatin1(sha256)}}});
    QList<CheckProblem> problems = BlobVerifier::verify(dataRoot, contents->blobs, threads);
    if (shared)
        BucketOnlyBlobs::settle(db, *shared, contents->blobs, problems, report);
    for (CheckProblem &problem : problems) {
        describe(db, problem);
        report.problems.append(std::move(problem));
    }
    (void)db.exec(u"ROLLBACK"_qs);
}

} // namespace

CheckReport StoreCheck::run(const QString &dataRoot, int threads, blobs::ObjectStore *shared)
{
    QElapsedTimer timer;
    timer.start();
    CheckReport report;
    const QString path = dataRoot + u"/agent.db"_qs;
    if (!QFileInfo(path).isFile()) {
        report.problems.append({u"check.database_missing"_qs, u"no database at "_qs + path, {}});
        return report;
    }
    Result<storage::Database> db = storage::Database::openReadOnly(path);
    if (!db)
        report.problems.append(corrupt(db.error().message));
    else if (checkIntegrity(*db, report)) {
        checkForeignKeys(*db, report);
        checkBlobs(dataRoot, *db, threads, shared, report);
    }
    report.elapsedMs = timer.elapsed();
    return report;
}

} // namespace ddd::core::backup
