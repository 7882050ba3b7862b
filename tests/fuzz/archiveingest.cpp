// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "tests/fuzz/archiveingest.h"

#include "core/blobs/blobstore.h"
#include "core/blobs/sha256.h"
#include "core/deploy/ingest.h"
#include "tests/fuzz/fuzzsupport.h"

#include <QDir>
#include <QFile>
#include <QSet>

namespace ddd::fuzz {

namespace {

// Small budgets, so a decompression bomb costs milliseconds, not minutes.
core::archive::ArchiveLimits limits()
{
    core::archive::ArchiveLimits limits;
    limits.maxEntries = 500;
    limits.maxEntryBytes = 512 * 1024;
    limits.maxTotalBytes = 2 * 1024 * 1024;
    limits.ratioFloorBytes = 64 * 1024;
    return limits;
}

const core::blobs::BlobStore &store()
{
    static const core::blobs::BlobStore blobs(scratchRoot() + u"/data"_qs);
    static const bool ready = blobs.initialise().ok();
    if (!ready)
        violated("blob store initialises", blobs.dataRoot());
    return blobs;
}

void checkEntry(const core::blobs::ManifestEntry &entry, const core::archive::ArchiveLimits &bounds)
{
    const auto again = core::SafePath::fromArchiveEntry(entry.path.toUtf8(), bounds.pathLimits());
    if (!again.ok() || again.value() != entry.path || entry.path.endsWith(u'/'))
        violated("a manifest path is a normal file path", entry.path);
    if (entry.size < 0 || entry.size > bounds.maxEntryBytes)
        violated("a file stays within the entry budget", entry.path);
    QFile blob(store().pathFor(entry.sha256));
    if (!blob.open(QIODevice::ReadOnly))
        violated("every manifest entry's blob is in the store", entry.path);
    const QByteArray content = blob.readAll();
    if (content.size() != entry.size || core::blobs::Sha256::hexOf(content) != entry.sha256)
        violated("a blob holds exactly the declared bytes", entry.path);
}

void checkManifest(const core::blobs::Manifest &manifest)
{
    const core::archive::ArchiveLimits bounds = limits();
    QSet<QString> folded;
    qint64 total = 0;
    for (const core::blobs::ManifestEntry &entry : manifest.entries()) {
        checkEntry(entry, bounds);
        total += entry.size;
        if (folded.contains(entry.path.toCaseFolded()))
            violated("paths are unique without regard to case", entry.path);
        folded.insert(entry.path.toCaseFolded());
    }
    if (manifest.entries().size() > bounds.maxEntries || total > bounds.maxTotalBytes)
        violated("the archive stays within its budgets", QString::number(total));
}

} // namespace

void ingestAndCheck(const QByteArray &upload)
{
    const QString spool = scratchRoot() + u"/upload.bin"_qs;
    if (!writeFile(spool, upload))
        violated("the upload can be spooled", spool);
    const auto staging = store().createStagingArea();
    if (!staging.ok())
        violated("a staging area can be made", staging.error().message);
    const auto manifest = core::deploy::Ingest::fromArchive(spool, limits(), store(), staging.value());
    if (QDir(staging.value()).exists())
        violated("the staging area is gone after an ingest", staging.value());
    if (!manifest.ok()) {
        if (!manifest.error().code.contains(u'.'))
            violated("a refusal has a stable dotted code", manifest.error().code);
        return;
    }
    checkManifest(manifest.value());
    // The store is shared by every input of the run: keep it small.
    for (const core::blobs::ManifestEntry &entry : manifest.value().entries())
        (void)store().remove(entry.sha256);
}

} // namespace ddd::fuzz
