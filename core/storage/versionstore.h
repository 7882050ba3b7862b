// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/model/page.h"
#include "core/model/pagerequest.h"
#include "core/model/version.h"
#include "core/model/versionfile.h"
#include "core/storage/newversion.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QStringList>

#include <optional>

namespace ddd::core::storage {

class ConnectionProvider;

// Rows of `versions` and `version_files`. A version's files never change
// once inserted; only its status, pin and error do. No ownership checks
// here: DeploymentService decides who may see what. The live pointer and
// its history belong to LivePointerStore.
class VersionStore final
{
public:
    explicit VersionStore(ConnectionProvider &connections);

    // One transaction: consumes the upload session if one is named
    // (`upload.not_found` when it is already gone), assigns the next number
    // of the project (MAX + 1), writes the row and every file. Answers the
    // stored version without its files.
    Result<model::Version> insert(const NewVersion &version);

    // Without files; uniqueBytes filled in.
    Result<std::optional<model::Version>> find(qint64 id);
    // Id and status of the project's version `number`: one indexed lookup,
    // cheap enough for the site listener's preview hosts.
    struct VersionRef final
    {
        qint64 id = 0;
        model::VersionStatus status = model::VersionStatus::Uploading;
    };
    Result<std::optional<VersionRef>> findByNumber(qint64 projectId, qint64 number);
    // The project of a version: one primary key lookup, for checks that must
    // not pay for find()'s uniqueBytes (a file page of a 100,000-file version).
    Result<std::optional<qint64>> projectOf(qint64 id);
    // Newest first; uniqueBytes filled in.
    Result<QList<model::Version>> listByProject(qint64 projectId);
    // One page of them, newest first, after `request.after.number`.
    Result<model::Page<model::Version>> pageByProject(qint64 projectId, const model::PageRequest &request);
    // Sorted by path in code point order, as Manifest keeps them.
    Result<QList<model::VersionFile>> files(qint64 versionId);
    // One page of them in the same order, after `request.after.path`, only
    // paths starting with `request.prefix`: an index range scan of at most
    // limit + 1 rows whatever the version's size.
    Result<model::Page<model::VersionFile>> filesPage(qint64 versionId, const model::PageRequest &request);
    // Bytes of the blobs only this version references: what deleting it frees.
    Result<qint64> uniqueBytes(qint64 versionId);
    // After versions went without remove() (a project's, by cascade).
    Status forgetUniqueBytes();

    // `deploy.not_found` when the row is gone.
    Status setPinned(qint64 id, bool pinned);
    // Refuses the live version (`deploy.is_live`); `deploy.not_found`.
    Status remove(qint64 id);
    // For retention: false, and nothing deleted, when the version went live,
    // was pinned or was deleted since it was chosen (by another writer too).
    Result<bool> removeExpired(qint64 id);
    Status markFailed(qint64 id, const Error &error);
    // Versions left in uploading or processing by an interrupted process
    // become failed with `error`. Answers how many.
    Result<int> failUnfinished(const Error &error);

    // Every blob hash some version or some source references, for garbage
    // collection (sources share the store with versions), and the hashes
    // precompressed variants are published under in the bucket (the rows
    // of a blob go when it is collected, so its variants follow it).
    Result<QSet<QByteArray>> referencedHashes();
    // The blobs of the files at these paths in any version (the rules files
    // a capped blob cache keeps).
    Result<QSet<QByteArray>> hashesAt(const QStringList &paths);
    // The versions referencing one blob.
    Result<QList<qint64>> versionsUsing(const QByteArray &sha256);
    // Versions retention may delete: all but the `keep` highest numbers,
    // never pinned, live or the previous live one (the rollback target).
    Result<QList<qint64>> retentionCandidates(qint64 projectId, int keep);

private:
    Result<QList<model::Version>> collect(const QString &where, qint64 key);
    Status insertFiles(qint64 versionId, const QList<model::VersionFile> &files);
    // False when no row matched `condition` (SQL over the versions row).
    Result<bool> removeWhere(qint64 id, const QString &condition);

    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
