// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/archivepieces.h"

#include "core/blobs/objectstore.h"
#include "core/util/diskfull.h"

#include <QFile>

namespace ddd::core::deploy {

namespace {

constexpr qint64 CopySliceBytes = 1 << 20;
const QByteArray Folder = "archive-uploads/";

QByteArray prefixOf(const QString &uploadId)
{
    return Folder + uploadId.toLatin1() + '/';
}

// Where it starts (zero-padded, so keys sort in archive order) and what it
// holds: a piece retried at the same offset with other bytes is another object.
QByteArray keyOf(const QString &uploadId, const storage::ArchivePieceStore::Piece &piece)
{
    return prefixOf(uploadId) + QByteArray::number(piece.start).rightJustified(16, '0') + '-' + piece.sha256;
}

Status appendFile(const QString &from, QFile &to)
{
    QFile source(from);
    if (!source.open(QIODevice::ReadOnly))
        return Error::make(u"io.error"_qs, u"Cannot read an archive piece: "_qs + source.errorString());
    while (!source.atEnd()) {
        const QByteArray slice = source.read(CopySliceBytes);
        if (to.write(slice) != slice.size())
            return DiskFull::writeError(to, u"Cannot put an archive upload together"_qs);
    }
    return {};
}

} // namespace

ArchivePieces::ArchivePieces(blobs::ObjectStore &bucket, storage::ConnectionProvider &connections)
    : m_bucket(bucket), m_rows(std::make_unique<storage::ArchivePieceStore>(connections))
{
}

ArchivePieces::~ArchivePieces() = default;

Result<qint64> ArchivePieces::received(const QString &uploadId)
{
    return m_rows->received(uploadId);
}

Status ArchivePieces::add(const QString &uploadId, const storage::ArchivePieceStore::Piece &piece, const QString &file)
{
    if (Result<blobs::ObjectStore::PutOutcome> put = m_bucket.putIfAbsent(keyOf(uploadId, piece), file, piece.sha256);
        !put)
        return put.error();
    Status added = m_rows->add(uploadId, piece);
    if (added || added.error().code != u"upload.offset_mismatch")
        return added;
    // Its object stays until the upload ends: it lies under the upload's prefix.
    Result<qint64> current = received(uploadId);
    if (!current)
        return current.error();
    return Error::make(u"upload.offset_mismatch"_qs,
                       QStringLiteral("Another request added a piece at byte %1 first; the upload stands at byte %2")
                           .arg(piece.start)
                           .arg(*current),
                       {{u"offset"_qs, *current}});
}

Status ArchivePieces::assemble(const QString &uploadId, const QString &destination, const QString &scratch)
{
    Result<QList<storage::ArchivePieceStore::Piece>> pieces = m_rows->list(uploadId);
    if (!pieces)
        return pieces.error();
    QFile archive(destination);
    if (!archive.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return DiskFull::writeError(archive, u"Cannot put an archive upload together"_qs);
    for (const storage::ArchivePieceStore::Piece &piece : std::as_const(*pieces)) {
        const QByteArray key = keyOf(uploadId, piece);
        Result<QByteArray> fetched = m_bucket.fetch(key, scratch, {});
        if (!fetched)
            return fetched.error();
        if (*fetched != piece.sha256)
            return Error::make(u"storage.blob_corrupt"_qs,
                               u"The archive piece %1 in the bucket is not what was uploaded"_qs.arg(QString::fromLatin1(key)));
        if (Status appended = appendFile(scratch, archive); !appended)
            return appended;
    }
    QFile::remove(scratch);
    return {};
}

Status ArchivePieces::remove(const QString &uploadId)
{
    Result<QList<QByteArray>> keys = keysUnder(prefixOf(uploadId));
    if (!keys)
        return keys.error();
    return removeAll(*keys);
}

// The upload ids are read after the listing: a piece is put only while its
// upload's row exists, so an id without a row then has ended for good (an
// upload opened meanwhile on another agent is known by then).
Status ArchivePieces::sweep(const std::function<Result<QSet<QString>>()> &knownUploads)
{
    Result<QList<QByteArray>> keys = keysUnder(Folder);
    if (!keys)
        return keys.error();
    Result<QSet<QString>> known = knownUploads();
    if (!known)
        return known.error();
    QList<QByteArray> ended;
    for (const QByteArray &key : std::as_const(*keys)) {
        const QByteArray rest = key.mid(Folder.size());
        if (!known->contains(QString::fromLatin1(rest.left(rest.indexOf('/')))))
            ended.append(key);
    }
    return removeAll(ended);
}

Result<QList<QByteArray>> ArchivePieces::keysUnder(const QByteArray &prefix)
{
    QList<QByteArray> keys;
    QByteArray continuation;
    do {
        Result<blobs::ObjectStore::Page> page = m_bucket.list(prefix, continuation);
        if (!page)
            return page.error();
        for (const blobs::ObjectStore::Object &object : std::as_const(page->objects))
            keys.append(object.key);
        continuation = page->continuation;
    } while (!continuation.isEmpty());
    return keys;
}

Status ArchivePieces::removeAll(const QList<QByteArray> &keys)
{
    for (const QByteArray &key : keys)
        if (Status removed = m_bucket.remove(key); !removed)
            return removed;
    return {};
}

} // namespace ddd::core::deploy
