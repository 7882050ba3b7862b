// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/sharedblobs.h"

#include "core/blobs/blobdownload.h"
#include "core/blobs/blobstore.h"
#include "core/blobs/objectstore.h"
#include "core/blobs/sha256.h"

#include <QDir>
#include <QFileInfo>

namespace ddd::core::blobs {

SharedBlobs::SharedBlobs(const BlobStore &local, ObjectStore &remote) : m_local(local), m_remote(remote)
{
}

SharedBlobs::~SharedBlobs()
{
    waitForDownloads();
}

void SharedBlobs::waitForDownloads()
{
    std::list<Background> running;
    {
        std::lock_guard lock(m_backgroundMutex);
        running.swap(m_background);
    }
    running.clear(); // joins, unlocked: a download's end may start no other
}

QByteArray SharedBlobs::keyFor(const QByteArray &sha256)
{
    return "blobs/" + sha256.left(2) + "/" + sha256;
}

Result<SharedBlobs::Listing> SharedBlobs::listPage(const QByteArray &continuation)
{
    static const QByteArray Folder = "blobs/";
    Result<ObjectStore::Page> page = m_remote.list(Folder, continuation);
    if (!page)
        return page.error();
    Listing listing{{}, page->continuation};
    for (const ObjectStore::Object &object : std::as_const(page->objects)) {
        const QByteArray sha256 = object.key.mid(object.key.lastIndexOf('/') + 1);
        if (Sha256::isValidHex(sha256) && object.key == keyFor(sha256))
            listing.sha256s.append(sha256);
    }
    return listing;
}

QString SharedBlobs::remoteIdentity() const
{
    return m_remote.identity();
}

Result<int> SharedBlobs::publish(const QList<QByteArray> &sha256s)
{
    int created = 0;
    for (const QByteArray &sha256 : sha256s) {
        // The store's own refusals: blob.invalid_hash, blob.not_found.
        if (Result<qint64> size = m_local.size(sha256); !size)
            return size.error();
        Result<ObjectStore::PutOutcome> put = m_remote.putIfAbsent(keyFor(sha256), m_local.pathFor(sha256), sha256);
        if (!put)
            return put.error();
        if (*put == ObjectStore::PutOutcome::Created)
            ++created;
    }
    return created;
}

Result<bool> SharedBlobs::publishFile(const QByteArray &sha256, const QString &path)
{
    if (!Sha256::isValidHex(sha256))
        return Error::make(u"blob.invalid_hash"_qs, u"Not a SHA-256: "_qs + QString::fromLatin1(sha256));
    Result<ObjectStore::PutOutcome> put = m_remote.putIfAbsent(keyFor(sha256), path, sha256);
    if (!put)
        return put.error();
    return *put == ObjectStore::PutOutcome::Created;
}

Status SharedBlobs::remove(const QByteArray &sha256)
{
    return m_remote.remove(keyFor(sha256));
}

Status SharedBlobs::ensureLocal(const QByteArray &sha256)
{
    // An invalid hash is refused here, before it can name an object.
    Result<qint64> held = m_local.size(sha256);
    if (held)
        return {};
    if (held.error().code != u"blob.not_found"_qs)
        return held.error();
    return fetchOnce(sha256, m_local.pathFor(sha256), blobFetch(sha256));
}

Result<std::shared_ptr<BlobDownload>> SharedBlobs::startFetch(const QByteArray &sha256)
{
    Result<qint64> held = m_local.size(sha256);
    if (held)
        return std::shared_ptr<BlobDownload>();
    if (held.error().code != u"blob.not_found"_qs)
        return held.error();
    bool created = false;
    std::shared_ptr<BlobDownload> download = joinOrCreate(sha256, m_local.pathFor(sha256), created);
    if (!created)
        return download;
    const Fetch fetch = blobFetch(sha256);
    if (launch([this, sha256, download, fetch] { run(sha256, *download, fetch); }))
        return download;
    if (Status fetched = run(sha256, *download, fetch); !fetched)
        return fetched.error();
    return std::shared_ptr<BlobDownload>();
}

SharedBlobs::Fetch SharedBlobs::blobFetch(const QByteArray &sha256)
{
    return [this, sha256](const QString &area, BlobDownload &progress) -> Status {
        Result<QString> file = download(area, sha256, progress);
        if (!file)
            return file.error();
        return m_local.commit(StagedBlob{*file, sha256, QFileInfo(*file).size()});
    };
}

Status SharedBlobs::ensureLocalVariant(const QByteArray &sha256, ContentCoding coding, const QByteArray &variantSha256)
{
    if (!Sha256::isValidHex(sha256) || !Sha256::isValidHex(variantSha256))
        return Error::make(u"blob.invalid_hash"_qs, u"Not a SHA-256: "_qs + QString::fromLatin1(sha256 + ' ' + variantSha256));
    const QString committed = m_local.variantPath(sha256, coding);
    if (QFileInfo::exists(committed))
        return {};
    const QByteArray key = sha256 + BlobVariant::suffix(coding).toLatin1();
    const auto fetch = [this, sha256, coding, variantSha256](const QString &area, BlobDownload &progress) -> Status {
        Result<QString> file = download(area, variantSha256, progress);
        if (!file)
            return file.error();
        // The blob itself may never have been here.
        QDir().mkpath(QFileInfo(m_local.variantPath(sha256, coding)).absolutePath());
        return m_local.commitVariants({StagedVariant{*file, sha256, coding, QFileInfo(*file).size()}});
    };
    return fetchOnce(key, committed, fetch);
}

Status SharedBlobs::fetchOnce(const QByteArray &key, const QString &committedPath, const Fetch &fetch)
{
    bool created = false;
    std::shared_ptr<BlobDownload> download = joinOrCreate(key, committedPath, created);
    return created ? run(key, *download, fetch) : download->wait();
}

std::shared_ptr<BlobDownload> SharedBlobs::joinOrCreate(const QByteArray &key, const QString &committedPath,
                                                        bool &created)
{
    std::lock_guard lock(m_mutex);
    if (auto found = m_fetches.constFind(key); found != m_fetches.cend()) {
        created = false;
        return *found;
    }
    created = true;
    auto download = std::make_shared<BlobDownload>(committedPath);
    m_fetches.insert(key, download);
    return download;
}

Status SharedBlobs::run(const QByteArray &key, BlobDownload &download, const Fetch &fetch)
{
    const Status fetched = inStagingArea([&](const QString &area) { return fetch(area, download); });
    {
        std::lock_guard lock(m_mutex);
        m_fetches.remove(key);
    }
    download.finish(fetched);
    return fetched;
}

bool SharedBlobs::launch(std::function<void()> job)
{
    std::lock_guard lock(m_backgroundMutex);
    m_background.remove_if([](const Background &background) { return background.done->load(); }); // joins them
    if (m_background.size() >= std::size_t(kMaxBackground))
        return false;
    auto done = std::make_shared<std::atomic<bool>>(false);
    m_background.push_back(Background{done, std::jthread([job = std::move(job), done] {
                                          job();
                                          done->store(true);
                                      })});
    return true;
}

Status SharedBlobs::inStagingArea(const std::function<Status(const QString &)> &work)
{
    Result<QString> stagingArea = m_local.createStagingArea();
    if (!stagingArea)
        return stagingArea.error();
    const Status fetched = work(*stagingArea);
    // What was committed was moved out; anything else goes with the area.
    const Status removed = m_local.removeStagingArea(*stagingArea);
    return fetched ? removed : fetched;
}

Result<QString> SharedBlobs::download(const QString &stagingArea, const QByteArray &sha256, BlobDownload &progress)
{
    const QString file = QDir(stagingArea).filePath(QString::fromLatin1(sha256));
    progress.writingTo(file);
    Result<QByteArray> fetchedHash = m_remote.fetch(keyFor(sha256), file, [&progress] { progress.progressed(); });
    if (!fetchedHash)
        return fetchedHash.error();
    if (*fetchedHash != sha256)
        return Error::make(u"storage.blob_corrupt"_qs,
                           u"The shared object %1 does not have the content its name says"_qs.arg(
                               QString::fromLatin1(keyFor(sha256))),
                           {{u"sha256"_qs, QString::fromLatin1(sha256)}, {u"found"_qs, QString::fromLatin1(*fetchedHash)}});
    return file;
}

} // namespace ddd::core::blobs
