// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/sharedblobs.h"

#include "core/blobs/blobstore.h"
#include "core/blobs/objectstore.h"
#include "core/blobs/sha256.h"

#include <QDir>
#include <QFileInfo>

namespace ddd::core::blobs {

namespace {

Error invalidHash(const QByteArray &sha256)
{
    return Error::make(u"blob.invalid_hash"_qs, u"Not a SHA-256 in lower-case hex"_qs,
                       {{u"sha256"_qs, QString::fromLatin1(sha256.left(80))}});
}

} // namespace

SharedBlobs::SharedBlobs(const BlobStore &local, ObjectStore &remote) : m_local(local), m_remote(remote)
{
}

QByteArray SharedBlobs::keyFor(const QByteArray &sha256)
{
    return "blobs/" + sha256.left(2) + "/" + sha256;
}

Result<int> SharedBlobs::publish(const QList<QByteArray> &sha256s)
{
    int created = 0;
    for (const QByteArray &sha256 : sha256s) {
        if (!Sha256::isValidHex(sha256))
            return invalidHash(sha256);
        if (!m_local.contains(sha256))
            return Error::make(u"blob.not_found"_qs, u"The local store has no blob %1"_qs.arg(QString::fromLatin1(sha256)));
        Result<ObjectStore::PutOutcome> put = m_remote.putIfAbsent(keyFor(sha256), m_local.pathFor(sha256), sha256);
        if (!put)
            return put.error();
        if (*put == ObjectStore::PutOutcome::Created)
            ++created;
    }
    return created;
}

Status SharedBlobs::ensureLocal(const QByteArray &sha256)
{
    if (!Sha256::isValidHex(sha256))
        return invalidHash(sha256);
    if (m_local.contains(sha256))
        return {};
    Result<QString> stagingArea = m_local.createStagingArea();
    if (!stagingArea)
        return stagingArea.error();
    const Status fetched = fetchInto(*stagingArea, sha256);
    // What was committed was moved out; anything else goes with the area.
    const Status removed = m_local.removeStagingArea(*stagingArea);
    return fetched ? removed : fetched;
}

Status SharedBlobs::fetchInto(const QString &stagingArea, const QByteArray &sha256)
{
    const QString download = QDir(stagingArea).filePath(QString::fromLatin1(sha256));
    Result<QByteArray> fetchedHash = m_remote.fetch(keyFor(sha256), download);
    if (!fetchedHash)
        return fetchedHash.error();
    if (*fetchedHash != sha256)
        return Error::make(u"storage.blob_corrupt"_qs,
                           u"The shared object %1 does not have the content its name says"_qs.arg(
                               QString::fromLatin1(keyFor(sha256))),
                           {{u"sha256"_qs, QString::fromLatin1(sha256)}, {u"found"_qs, QString::fromLatin1(*fetchedHash)}});
    return m_local.commit(StagedBlob{download, sha256, QFileInfo(download).size()});
}

} // namespace ddd::core::blobs
