// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/archive/archivelimits.h"
#include "core/blobs/blobstore.h"
#include "core/blobs/manifest.h"
#include "core/blobs/stagedblob.h"
#include "core/util/result.h"

#include <QString>

#include <functional>

namespace ddd::core::archive {
class EntrySink;
}

namespace ddd::core::deploy {

// Turns an uploaded archive or a directory tree into blobs and a manifest
// (security guide 2.2.8 and 8.7): every entry is streamed into a staged blob
// inside `stagingDirectory` while ArchiveReader / DirectoryReader enforce
// the rules; only when the whole input has passed are the staged blobs
// committed to the store, and only if the root rules files parse. On any
// refusal nothing is committed and the staging directory is deleted as a
// whole; on success it is deleted too,
// since its files have moved into the store. `stagingDirectory` must come
// from BlobStore::createStagingArea(): nothing outside staging/ is deleted.
class Ingest final
{
public:
    // A site's root `_redirects` and `_headers` are rules that must parse; a
    // build source's are just files (the built site's are checked later).
    enum class RootRules { Check, Ignore };

    static Result<blobs::Manifest> fromArchive(const QString &spoolFile, const archive::ArchiveLimits &limits,
                                               const blobs::BlobStore &store, const QString &stagingDirectory,
                                               RootRules rules = RootRules::Check);
    static Result<blobs::Manifest> fromDirectory(const QString &directory, const archive::ArchiveLimits &limits,
                                                 const blobs::BlobStore &store, const QString &stagingDirectory,
                                                 RootRules rules = RootRules::Check);

    // The archive rules for a manifest posted by the incremental protocol:
    // EntryRules over every path (case collisions, files below files, entry
    // count) and the per-file and total budgets on the declared sizes.
    static Status checkManifest(const blobs::Manifest &manifest, const archive::ArchiveLimits &limits);
    // The root `_redirects` and `_headers` of a version whose blobs are in
    // `store`: the `rules.*` codes of SiteRules when one does not parse.
    static Status checkRules(const blobs::Manifest &manifest, const blobs::BlobStore &store);

private:
    static Status checkStagedRules(const blobs::Manifest &manifest, const QList<blobs::StagedBlob> &staged,
                                   const blobs::BlobStore &store);
    static Result<blobs::Manifest> run(const std::function<Status(archive::EntrySink &)> &read,
                                       const blobs::BlobStore &store, const QString &stagingDirectory,
                                       RootRules rules);
    static Result<blobs::Manifest> stageAndCommit(const std::function<Status(archive::EntrySink &)> &read,
                                                  const blobs::BlobStore &store, const QString &stagingDirectory,
                                                  RootRules rules);
};

} // namespace ddd::core::deploy
