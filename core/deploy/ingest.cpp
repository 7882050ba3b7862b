// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/ingest.h"

#include "core/archive/archiveerror.h"
#include "core/archive/archivereader.h"
#include "core/archive/bytebudget.h"
#include "core/archive/directoryreader.h"
#include "core/archive/entryrules.h"
#include "core/deploy/blobstagingsink.h"
#include "core/rules/siterules.h"
#include "core/util/crashpoint.h"
#include "core/util/diskfull.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>

namespace ddd::core::deploy {

namespace {

Q_LOGGING_CATEGORY(lcIngest, "ddd.core.deploy")

// `blobPath` answers where the content with that hash is on disk.
// `blobPath` may have to fetch a blob first (a size-capped cache of shared
// storage); its error, objects.unavailable say, is the answer then.
Status checkRulesAt(const blobs::Manifest &manifest,
                    const std::function<Result<QString>(const QByteArray &)> &blobPath)
{
    Status unreadable;
    const auto locate = [&](const QString &name) -> std::optional<rules::SiteRules::FileRef> {
        const blobs::ManifestEntry *entry = manifest.find(name);
        if (!entry)
            return std::nullopt;
        Result<QString> path = blobPath(entry->sha256);
        if (!path) {
            if (unreadable)
                unreadable = path.error();
            return std::nullopt;
        }
        return rules::SiteRules::FileRef{*path, entry->size};
    };
    Result<std::shared_ptr<const rules::SiteRules>> rules = rules::SiteRules::load(locate);
    if (!unreadable)
        return unreadable;
    if (!rules)
        return rules.error();
    return {};
}

Result<QString> heldPath(const blobs::BlobStore &store, const QByteArray &sha256)
{
    if (Status held = store.ensureHeld(sha256); !held)
        return held.error();
    return store.pathFor(sha256);
}

} // namespace

Result<blobs::Manifest> Ingest::fromArchive(const QString &spoolFile, const archive::ArchiveLimits &limits,
                                            const blobs::BlobStore &store, const QString &stagingDirectory,
                                            RootRules rules)
{
    const archive::ArchiveReader reader(spoolFile, limits);
    return run(
        [&reader, &spoolFile](archive::EntrySink &sink) {
            const Status read = reader.read(sink);
            // Read whole, the spooled archive is never needed again: emptied
            // now, its bytes still in the page cache are dropped instead of
            // being written out by the file-system sync that makes the blobs
            // durable (as much data again as the archive holds).
            if (read)
                QFile::resize(spoolFile, 0);
            return read;
        },
        store, stagingDirectory, rules);
}

Result<blobs::Manifest> Ingest::fromDirectory(const QString &directory, const archive::ArchiveLimits &limits,
                                              const blobs::BlobStore &store, const QString &stagingDirectory,
                                              RootRules rules)
{
    const archive::DirectoryReader reader(directory, limits);
    return run([&reader](archive::EntrySink &sink) { return reader.read(sink); }, store, stagingDirectory, rules);
}

Status Ingest::checkManifest(const blobs::Manifest &manifest, const archive::ArchiveLimits &limits)
{
    if (manifest.fileCount() == 0)
        return archive::ArchiveError::make(u"archive.empty"_qs, {}, u"contains no files"_qs);
    archive::EntryRules rules(limits);
    archive::ByteBudget budget(limits, 0);
    for (const blobs::ManifestEntry &entry : manifest.entries()) {
        if (Result<QString> path = rules.admit(entry.path.toUtf8(), archive::EntryKind::File); !path)
            return path.error();
        if (Status status = budget.beginEntry(entry.path, entry.size); !status)
            return status;
        if (Status status = budget.consume(entry.size); !status)
            return status;
    }
    return {};
}

Result<blobs::Manifest> Ingest::run(const std::function<Status(archive::EntrySink &)> &read,
                                    const blobs::BlobStore &store, const QString &stagingDirectory, RootRules rules)
{
    if (!QDir().mkpath(stagingDirectory))
        return Error::make(DiskFull::codeFor(errno), u"Cannot create staging directory "_qs + stagingDirectory);
    Result<blobs::Manifest> manifest = stageAndCommit(read, store, stagingDirectory, rules);
    // After a refusal this is what keeps the refused upload off the disk;
    // after success the staged files have moved into the store. Should it
    // fail, start-up reconciliation removes the leftover.
    if (const Status removed = store.removeStagingArea(stagingDirectory); !removed)
        qCWarning(lcIngest) << "Cannot remove staging directory:" << removed.error().message;
    return manifest;
}

Result<blobs::Manifest> Ingest::stageAndCommit(const std::function<Status(archive::EntrySink &)> &read,
                                               const blobs::BlobStore &store, const QString &stagingDirectory,
                                               RootRules rules)
{
    BlobStagingSink sink(stagingDirectory, store);
    if (Status status = read(sink); !status)
        return status.error();
    Result<blobs::Manifest> manifest = blobs::Manifest::fromEntries(sink.entries());
    if (!manifest)
        return manifest.error();
    if (rules == RootRules::Check)
        if (Status parsed = checkStagedRules(*manifest, sink.stagedBlobs(), store); !parsed)
            return parsed.error();
    CrashPoint::hit("ingest.rules_checked");
    if (Status status = store.commitAll(sink.stagedBlobs()); !status)
        return status.error();
    return manifest;
}

Status Ingest::checkRules(const blobs::Manifest &manifest, const blobs::BlobStore &store)
{
    return checkRulesAt(manifest, [&store](const QByteArray &sha256) { return heldPath(store, sha256); });
}

// The rules files are read from the staging area, so a site with a broken
// `_redirects` is refused before any of its blobs enters the store.
Status Ingest::checkStagedRules(const blobs::Manifest &manifest, const QList<blobs::StagedBlob> &staged,
                                const blobs::BlobStore &store)
{
    return checkRulesAt(manifest, [&staged, &store](const QByteArray &sha256) -> Result<QString> {
        for (const blobs::StagedBlob &blob : staged)
            if (blob.sha256 == sha256)
                return blob.path;
        return heldPath(store, sha256); // content the store already held
    });
}

} // namespace ddd::core::deploy
