// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/blobvariant.h"
#include "core/blobs/partialblob.h"
#include "core/blobs/stagedblob.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

namespace ddd::core::blobs {

// Content-addressed files under the data root (design guide 4.6):
//   blobs/<first 2 hex>/<64 hex>   one file per distinct content, 0644
//   staging/upload-XXXXXX/         one directory per upload or build
//   staging/partial/<64 hex>       resumable incremental uploads
//   blobs/<first 2 hex>/<64 hex>.br  precompressed variants of a blob
//   blobs/<first 2 hex>/<64 hex>.gz  (BlobVariant), made at deploy time
// Identical files across versions and projects are stored once. A blob
// reaches blobs/ only by rename(2) after its data was fsynced, and the
// rename is made durable by an fsync of its directory, so after a crash a
// blob is either complete or absent. Staging lives on the same file system,
// which keeps every rename atomic.
//
// Hashes are lower-case hex (Sha256); anything else is refused with
// blob.invalid_hash before it can become part of a path. Other codes:
// blob.not_found, blob.hash_mismatch, storage.blob_corrupt, io.error.
class BlobStore final
{
public:
    // With shared object storage (issue 12) this store is a cache of the
    // bucket: `fetchMissing` brings back a blob it lacks (a size-capped cache
    // evicts what the bucket holds), and `added` hears of every blob moved
    // in, so the cache can tell when to trim.
    struct CacheHooks
    {
        std::function<Status(const QByteArray &sha256)> fetchMissing;
        std::function<void(qint64 bytes)> added;
    };

    explicit BlobStore(QString dataRoot);
    // Set while wiring, before any other thread uses the store.
    void setCacheHooks(CacheHooks hooks);

    // Creates blobs/ with its 256 shard directories, staging/ and
    // staging/partial/ (all 0755) as needed. Call once before anything else.
    Status initialise() const;

    QString dataRoot() const { return m_root; }
    QString stagingRoot() const;
    // A fresh, empty directory under staging/ for one upload.
    Result<QString> createStagingArea() const;
    // Deletes a directory made by createStagingArea(), with all it holds.
    Status removeStagingArea(const QString &directory) const;

    // Moves a staged blob into the store: synced and renamed if new, simply
    // deleted when the store already holds that content.
    Status commit(const StagedBlob &blob) const;
    // The same for a whole upload, with two file-system syncs in all instead
    // of two per blob: every new blob's data is durable before the first
    // rename, and every rename is durable when this returns.
    Status commitAll(const QList<StagedBlob> &blobs) const;

    bool contains(const QByteArray &sha256) const;
    // Call before reading a blob's bytes through pathFor(): succeeds at once
    // when the blob is here, else fetches it through the cache hooks
    // (blob.not_found without them, or their objects.* codes).
    Status ensureHeld(const QByteArray &sha256) const;
    // Where the blob lives (whether or not it exists); empty for an invalid hash.
    QString pathFor(const QByteArray &sha256) const;
    Result<qint64> size(const QByteArray &sha256) const;
    // Removing a blob that is not there succeeds (garbage collection may repeat).
    Status remove(const QByteArray &sha256) const;
    // Every blob in the store, for garbage collection.
    Result<QList<QByteArray>> listAll() const;
    // Where the `coding` variant of a blob lives; empty for an invalid hash.
    QString variantPath(const QByteArray &sha256, ContentCoding coding) const;
    // A fresh, unused file name under staging/ for a variant being written.
    QString variantStagingPath() const;
    // Moves finished variants from staging into the store as commitAll()
    // moves blobs: all data synced before the first rename, every rename
    // durable on return. A crash leaves each either complete under its name
    // or a leftover in staging/.
    Status commitVariants(const QList<StagedVariant> &variants) const;
    // Removing variants that are not there succeeds.
    Status removeVariants(const QByteArray &sha256) const;
    // Every variant file in the store, for garbage collection and repair.
    Result<QList<StoredVariant>> listVariants() const;
    // Re-hashes the blob: storage.blob_corrupt when its content no longer matches.
    Status verify(const QByteArray &sha256) const;

    // The partial upload of `sha256`, created empty if new; appends past
    // `maxBytes` (the size the client announced) are refused.
    Result<PartialBlob> openPartial(const QByteArray &sha256, qint64 maxBytes) const;
    // Checks the partial upload's SHA-256 and commits it; on a mismatch the
    // partial file is deleted and blob.hash_mismatch returned.
    Status completePartial(const QByteArray &sha256) const;
    // Bytes of `sha256` received so far by partial uploads (0 when none).
    Result<qint64> partialSize(const QByteArray &sha256) const;
    // Removing a partial upload that is not there succeeds.
    Status removePartial(const QByteArray &sha256) const;
    // The hashes with a partial upload, for clean-up of abandoned ones.
    Result<QList<QByteArray>> listPartials() const;

private:
    QString partialPath(const QByteArray &sha256) const;
    Status renameIntoStore(const StagedBlob &blob) const;

    QString m_root;
    CacheHooks m_hooks;
};

} // namespace ddd::core::blobs
