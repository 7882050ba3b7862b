// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/blobvariant.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QHash>
#include <QList>

#include <atomic>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <thread>

namespace ddd::core::blobs {

class BlobDownload;
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
    ~SharedBlobs(); // waits for the downloads startFetch() began

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
    // The same without waiting, for a request that streams a cold miss:
    // null when the blob is here (now), else the download under way, begun
    // on a thread of its own when none ran. The caller reads its file while
    // it grows (BlobDownload). Beyond kMaxBackground downloads at once it
    // fetches here, as ensureLocal() does, and answers null or the error.
    Result<std::shared_ptr<BlobDownload>> startFetch(const QByteArray &sha256);
    static constexpr int kMaxBackground = 16;
    // Waits for the downloads startFetch() began: before what their commits
    // notify (BlobStore's cache hooks) goes away.
    void waitForDownloads();
    // The same for the `coding` variant of blob `sha256`, published under
    // `variantSha256`: checked against that hash, then committed beside the
    // blob (BlobStore::variantPath) as if made here.
    Status ensureLocalVariant(const QByteArray &sha256, ContentCoding coding, const QByteArray &variantSha256);

private:
    using Fetch = std::function<Status(const QString &stagingArea, BlobDownload &download)>;
    struct Background final
    {
        std::shared_ptr<std::atomic<bool>> done;
        std::jthread thread;
    };

    // One download per `key` however many callers ask at once.
    Status fetchOnce(const QByteArray &key, const QString &committedPath, const Fetch &fetch);
    // The download under way for `key`, or a new one (`created`) the caller runs.
    std::shared_ptr<BlobDownload> joinOrCreate(const QByteArray &key, const QString &committedPath, bool &created);
    Status run(const QByteArray &key, BlobDownload &download, const Fetch &fetch);
    // False when kMaxBackground run already.
    bool launch(std::function<void()> job);
    Status inStagingArea(const std::function<Status(const QString &)> &work);
    Fetch blobFetch(const QByteArray &sha256);
    // Downloads `sha256`'s object into the area, checked against the hash.
    Result<QString> download(const QString &stagingArea, const QByteArray &sha256, BlobDownload &progress);

    const BlobStore &m_local;
    ObjectStore &m_remote;
    std::mutex m_mutex; // guards m_fetches
    QHash<QByteArray, std::shared_ptr<BlobDownload>> m_fetches;
    std::mutex m_backgroundMutex;
    std::list<Background> m_background; // last: joined before the rest goes
};

} // namespace ddd::core::blobs
