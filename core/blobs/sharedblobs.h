// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/blobvariant.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <functional>
#include <future>
#include <mutex>

namespace ddd::core::blobs {

class BlobStore;
class ObjectStore;

// The local blob store kept in step with object storage that several agents
// share. A blob a deploy commits is published before its version may go
// live anywhere; an agent that lacks a blob fetches it, checks every byte
// against its hash and commits it locally before anything serves it, so a
// partial or corrupted download is never seen. Objects are named as the
// local files are: blobs/<first 2 hex>/<64 hex>.
//
// Error codes: the local store's blob.invalid_hash and blob.not_found
// (publishing a blob it lacks), storage.blob_corrupt (the bucket's object is not what
// its name says; nothing is committed), and the ObjectStore's objects.*.
class SharedBlobs final
{
public:
    SharedBlobs(const BlobStore &local, ObjectStore &remote);

    static QByteArray keyFor(const QByteArray &sha256);

    // One page of the blobs the bucket holds: objects not named as a blob
    // (keyFor) are left out. An empty continuation asks for the first page.
    struct Listing final
    {
        QList<QByteArray> sha256s;
        QByteArray continuation; // empty after the last page
    };
    Result<Listing> listPage(const QByteArray &continuation);
    // The shared store's ObjectStore::identity().
    QString remoteIdentity() const;

    // Uploads each blob the bucket does not hold yet; answers how many were
    // new. Stops at the first failure (what went up stays: it is valid).
    Result<int> publish(const QList<QByteArray> &sha256s);
    // Uploads a file that is not in the local store under its hash (a
    // precompressed variant); answers whether it was new.
    Result<bool> publishFile(const QByteArray &sha256, const QString &path);
    // Deletes the bucket's object of the blob (the local copy stays).
    Status remove(const QByteArray &sha256);
    // Makes sure the local store holds the blob, fetching it if not. Callers
    // asking for a blob already being fetched wait for that one download.
    // Thread-safe.
    Status ensureLocal(const QByteArray &sha256);
    // The same for the `coding` variant of blob `sha256`, published under
    // `variantSha256`: checked against that hash, then committed beside the
    // blob (BlobStore::variantPath) as if made here.
    Status ensureLocalVariant(const QByteArray &sha256, ContentCoding coding, const QByteArray &variantSha256);

private:
    using Fetch = std::function<Status(const QString &stagingArea)>;
    // One download per `key` however many callers ask at once.
    Status fetchOnce(const QByteArray &key, const Fetch &fetch);
    Status inStagingArea(const Fetch &fetch);
    // Downloads `sha256`'s object into the area, checked against the hash.
    Result<QString> download(const QString &stagingArea, const QByteArray &sha256);

    const BlobStore &m_local;
    ObjectStore &m_remote;
    std::mutex m_mutex; // guards m_fetches
    QHash<QByteArray, std::shared_future<Status>> m_fetches;
};

} // namespace ddd::core::blobs
