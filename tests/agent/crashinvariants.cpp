// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/agent/crashinvariants.h"

#include "core/blobs/manifest.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"

#include <QDir>
#include <QFile>
#include <QSet>

namespace ddd::test {

namespace {

using core::storage::Database;

// The first column of every row, or a line saying why the query failed.
QStringList column(Database &db, const QString &sql, bool *ok = nullptr)
{
    QStringList values;
    auto statement = db.prepare(sql);
    if (ok)
        *ok = bool(statement);
    if (!statement)
        return {u"query failed: "_qs + sql};
    while (true) {
        auto more = statement->step();
        if (!more || !*more)
            break;
        values.append(statement->columnText(0));
    }
    return values;
}

QStringList named(const QString &what, const QStringList &offenders)
{
    QStringList lines;
    for (const QString &offender : offenders)
        lines.append(what + u": "_qs + offender);
    return lines;
}

QSet<QString> referencedHashes(Database &db)
{
    QStringList hashes = column(db, u"SELECT sha256 FROM version_files UNION SELECT sha256 FROM source_files"_qs);
    // An upload session in progress holds the blobs it has received so far.
    for (const QString &json : column(db, u"SELECT manifest FROM upload_sessions"_qs))
        if (auto manifest = core::blobs::Manifest::fromJson(json.toUtf8()))
            for (const auto &entry : manifest->entries())
                hashes.append(QString::fromLatin1(entry.sha256));
    return QSet<QString>(hashes.cbegin(), hashes.cend());
}

} // namespace

QStringList CrashInvariants::onDisk(const QString &dataDir)
{
    return database(dataDir) + blobs(dataDir) + folders(dataDir) + certificates(dataDir);
}

int CrashInvariants::unfinishedBuilds(const QString &dataDir)
{
    auto db = Database::openReadOnly(dataDir + u"/agent.db"_qs);
    if (!db)
        return -1;
    return int(column(*db, u"SELECT id FROM builds WHERE status IN ('queued', 'running')"_qs).size());
}

int CrashInvariants::decidedBlobs(const QString &dataDir)
{
    auto db = Database::openReadOnly(dataDir + u"/agent.db"_qs);
    if (!db)
        return -1;
    return int(column(*db, u"SELECT DISTINCT sha256 FROM blob_variants"_qs).size());
}

QStringList CrashInvariants::database(const QString &dataDir)
{
    auto db = Database::open(dataDir + u"/agent.db"_qs);
    if (!db)
        return {u"database: "_qs + db.error().message};
    QStringList found;
    if (const QStringList check = column(*db, u"PRAGMA integrity_check"_qs); check != QStringList{u"ok"_qs})
        found += named(u"integrity_check"_qs, check);
    found += named(u"version left half-made"_qs,
                   column(*db, u"SELECT id || ' ' || status FROM versions WHERE status IN ('uploading', 'processing')"_qs));
    found += named(u"live pointer not at the live version"_qs,
                   column(*db, u"SELECT p.id FROM projects p LEFT JOIN versions v ON v.id = p.live_version_id "
                               "WHERE (p.live_version_id IS NOT NULL AND v.status IS NOT 'live') "
                               "OR (p.live_version_id IS NULL AND EXISTS (SELECT 1 FROM versions w "
                               "WHERE w.project_id = p.id AND w.status = 'live'))"_qs));
    found += named(u"more than one live version"_qs,
                   column(*db, u"SELECT project_id FROM versions WHERE status = 'live' GROUP BY project_id HAVING COUNT(*) > 1"_qs));
    found += named(u"build still running on a stopped agent"_qs,
                   column(*db, u"SELECT id FROM builds WHERE status = 'running'"_qs));
    found += named(u"finished build without its end"_qs,
                   column(*db, u"SELECT id FROM builds WHERE status IN ('succeeded', 'failed', 'cancelled', 'interrupted') "
                               "AND finished_at IS NULL"_qs));
    return found;
}

// Every blob is named by a version, a source or an upload session; every
// blob a servable version names is there; every variant has its row.
QStringList CrashInvariants::blobs(const QString &dataDir)
{
    auto db = Database::openReadOnly(dataDir + u"/agent.db"_qs);
    if (!db)
        return {u"database: "_qs + db.error().message};
    const QSet<QString> referenced = referencedHashes(*db);
    const QStringList variantRows = column(*db, u"SELECT sha256 || '.' || encoding FROM blob_variants WHERE size IS NOT NULL"_qs);
    const QSet<QString> variants(variantRows.cbegin(), variantRows.cend());
    QSet<QString> present;
    QStringList found;
    const QDir root(dataDir + u"/blobs"_qs);
    for (const QString &shard : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        for (const QString &name : QDir(root.filePath(shard)).entryList(QDir::Files | QDir::Hidden)) {
            const QString hash = name.left(64);
            const QString suffix = name.mid(64);
            if (suffix.isEmpty()) {
                present.insert(hash);
                if (!referenced.contains(hash))
                    found.append(u"orphaned blob: "_qs + name);
            } else if (!variants.contains(hash + (suffix == u".gz"_qs ? u".gzip"_qs : u".br"_qs))) {
                found.append(u"variant without its row: "_qs + name);
            }
        }
    }
    for (const QString &hash : column(*db, u"SELECT DISTINCT f.sha256 FROM version_files f JOIN versions v ON v.id = f.version_id "
                                           "WHERE v.status IN ('ready', 'live', 'retired')"_qs))
        if (!present.contains(hash))
            found.append(u"blob of a servable version missing: "_qs + hash);
    return found;
}

// Nothing in staging but pending uploads (their partial blobs and archive
// uploads that still have a row), nothing in the build work folder.
QStringList CrashInvariants::folders(const QString &dataDir)
{
    QStringList found;
    const QDir staging(dataDir + u"/staging"_qs);
    for (const QString &entry : staging.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        if (entry != u"partial"_qs && entry != u"archives"_qs)
            found.append(u"left in staging: "_qs + entry);
    auto db = Database::openReadOnly(dataDir + u"/agent.db"_qs);
    const QStringList uploads = db ? column(*db, u"SELECT id FROM archive_uploads"_qs) : QStringList();
    for (const QString &entry : QDir(staging.filePath(u"archives"_qs)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot))
        if (!uploads.contains(entry))
            found.append(u"archive upload folder without its row: "_qs + entry);
    for (const QString &entry : QDir(dataDir + u"/work"_qs).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        found.append(u"left in the build work folder: "_qs + entry);
    return found;
}

// An installed pair is whole: both files, from the same issuance (the test
// lego writes the same first line into both).
QStringList CrashInvariants::certificates(const QString &dataDir)
{
    QStringList found;
    const QDir root(dataDir + u"/certificates"_qs);
    for (const QString &entry : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        if (entry.startsWith(u'.')) {
            found.append(u"certificate staging left: "_qs + entry);
            continue;
        }
        QFile chain(root.filePath(entry + u"/fullchain.pem"_qs));
        QFile key(root.filePath(entry + u"/privkey.pem"_qs));
        if (!chain.open(QIODevice::ReadOnly) || !key.open(QIODevice::ReadOnly))
            found.append(u"half-installed certificate: "_qs + entry);
        else if (chain.readLine() != key.readLine())
            found.append(u"certificate and key of different issuances: "_qs + entry);
    }
    return found;
}

} // namespace ddd::test
