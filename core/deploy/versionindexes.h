// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/deploy/versionindex.h"
#include "core/util/result.h"

#include <QString>

#include <memory>
#include <mutex>
#include <optional>

namespace ddd::core::storage {
class VersionIndexRows;
}

namespace ddd::core::deploy {

// The version index files under <data>/indexes/<versionId>.idx: one per
// version that can be served, written once when the version is recorded and
// again when the precompressor has decided its variants, so activation,
// rollback and preview hosts only map a file (VersionIndex) instead of
// reading every file row. Writes are serialised (a rewrite after the
// variants never races the first write of the same version) and atomic
// (rename over the old file; mapped old files stay valid for the requests
// still using them). Thread-safe.
class VersionIndexes final
{
public:
    VersionIndexes(QString directory, storage::VersionIndexRows &rows);

    // On an agent that shares a bucket with others (a follower, or one of
    // several writers): it writes the index of a version another agent
    // recorded when it first serves it, which is no fault, and its indexes
    // list only the precompressed variants it can fetch from the bucket
    // (published ones); the others are on the agent that made them alone,
    // so it serves the plain bodies instead. Before any write.
    void shareWithOtherAgents() { m_shared = true; }
    bool sharedWithOtherAgents() const { return m_shared; }

    Status initialise() const;
    QString pathFor(qint64 versionId) const;

    // Constant time: open, map, check the header.
    Result<std::shared_ptr<const VersionIndex>> open(qint64 versionId) const;
    // open(), and when the file is missing or refused, written again from
    // the database first (O(files), logged): a crash between recording a
    // version and writing its index must not keep it from going live.
    Result<std::shared_ptr<const VersionIndex>> openOrRebuild(qint64 versionId);
    // (Re)writes the index from the database: files and variants decided now.
    Status write(qint64 versionId);
    // After the precompressor went through a project's new blobs: rewrites
    // the indexes of its servable versions still waiting for variants.
    // Answers whether any was rewritten.
    Result<bool> completeVariants(qint64 projectId);
    // Removing an index that is not there succeeds.
    Status remove(qint64 versionId) const;
    // Deletes index files of versions that are no longer servable (deleted,
    // failed, their project removed) and leftover temporary files; answers
    // how many it removed.
    Result<int> removeOrphans();

    // Start-up: every servable version's index checked in full (header,
    // version, file count against the database, checksum, order); a
    // missing or damaged one is written again with a warning.
    struct Reconciled
    {
        int checked = 0;
        int rebuilt = 0;
        int removed = 0;
    };
    Result<Reconciled> reconcile();

private:
    Status writeLocked(qint64 versionId);
    Status check(qint64 versionId, qint64 fileCount) const;

    QString m_directory;
    storage::VersionIndexRows &m_rows;
    std::mutex m_writing;
    bool m_shared = false;
};

} // namespace ddd::core::deploy
