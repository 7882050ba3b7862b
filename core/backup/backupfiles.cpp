// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/backup/backupfiles.h"

#include "core/backup/hashedfile.h"
#include "core/blobs/blobstore.h"
#include "core/blobs/objectstore.h"
#include "core/blobs/sha256.h"
#include "core/blobs/sharedblobs.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

namespace ddd::core::backup {

namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;

Status makeDirectory(const QString &path, bool ownerOnly = false)
{
    if (!QDir().mkpath(path))
        return Error::make(u"io.error"_qs, u"Cannot create directory "_qs + path);
    if (ownerOnly)
        QFile::setPermissions(path, kOwnerOnly);
    return {};
}

} // namespace

BackupFiles::BackupFiles(QString from, QString to, Direction direction, blobs::ObjectStore *shared)
    : m_from(std::move(from)), m_to(std::move(to)), m_direction(direction), m_shared(shared)
{
}

Error BackupFiles::damaged(const QString &code, const QString &message, const QByteArray &sha256) const
{
    const QJsonObject details{{u"sha256"_qs, QString::fromLatin1(sha256)}};
    if (m_direction == Direction::Restore)
        return Error::make(u"restore.damaged"_qs, u"The backup is damaged: "_qs + message, details);
    return Error::make(code, message + u" (run ddd-agent check)"_qs, details);
}

Status BackupFiles::makeShards() const
{
    for (int shard = 0; shard < 256; ++shard)
        if (Status made = makeDirectory(QStringLiteral("%1/blobs/%2").arg(m_to).arg(shard, 2, 16, QChar(u'0'))); !made)
            return made;
    return {};
}

Status BackupFiles::copyBlobs(const QHash<QByteArray, qint64> &blobs) const
{
    if (Status shards = makeShards(); !shards)
        return shards;
    for (auto it = blobs.cbegin(); it != blobs.cend(); ++it) {
        if (!blobs::Sha256::isValidHex(it.key()))
            return damaged(u"backup.blob_corrupt"_qs, u"Invalid blob name "_qs + QString::fromLatin1(it.key()), it.key());
        Result<HashedFile> copied = copyBlob(it.key());
        if (!copied && copied.error().code == u"blob.not_found")
            return damaged(u"backup.blob_missing"_qs, u"Blob "_qs + QString::fromLatin1(it.key()) + u" is missing"_qs, it.key());
        if (!copied)
            return copied.error();
        if (copied->sha256 != it.key() || copied->size != it.value())
            return damaged(u"backup.blob_corrupt"_qs, u"Blob "_qs + QString::fromLatin1(it.key()) + u" does not match its name"_qs,
                           it.key());
    }
    return {};
}

// From the data root, or (evicted there) from the shared bucket.
Result<HashedFile> BackupFiles::copyBlob(const QByteArray &sha256) const
{
    const QString target = blobs::BlobStore(m_to).pathFor(sha256);
    Result<HashedFile> copied = HashedFile::copy(blobs::BlobStore(m_from).pathFor(sha256), target);
    if (copied || copied.error().code != u"blob.not_found"_qs || !m_shared)
        return copied;
    Result<QByteArray> fetched = m_shared->fetch(blobs::SharedBlobs::keyFor(sha256), target, {});
    if (!fetched && fetched.error().code == u"objects.not_found"_qs)
        return copied.error(); // gone here and there: blob.not_found
    if (!fetched)
        return fetched.error();
    return HashedFile{*fetched, QFileInfo(target).size()};
}

Result<QList<VariantRow>> BackupFiles::copyVariants(const QList<VariantRow> &variants) const
{
    const blobs::BlobStore from(m_from);
    const blobs::BlobStore to(m_to);
    QList<VariantRow> missing;
    for (const VariantRow &variant : variants) {
        const QString target = to.variantPath(variant.sha256, variant.coding);
        Result<HashedFile> copied = HashedFile::copy(from.variantPath(variant.sha256, variant.coding), target);
        if (copied && copied->size == variant.size)
            continue;
        if (!copied && copied.error().code != u"blob.not_found")
            return copied.error();
        if (m_direction == Direction::Restore)
            return damaged({}, u"variant of blob "_qs + QString::fromLatin1(variant.sha256) + u" is missing or truncated"_qs,
                           variant.sha256);
        QFile::remove(target);
        missing.append(variant);
    }
    return missing;
}

Result<QStringList> BackupFiles::copyKeys(const QStringList &names) const
{
    const QString from = m_from + u"/keys"_qs;
    const QStringList files = m_direction == Direction::Restore ? names : QDir(from).entryList(QDir::Files | QDir::Hidden);
    if (Status made = makeDirectory(m_to + u"/keys"_qs, true); !made)
        return made.error();
    for (const QString &name : files) {
        if (!QFileInfo::exists(from + u'/' + name))
            return damaged({}, u"key file "_qs + name + u" is missing"_qs, {});
        if (Status copied = copyFile(from + u'/' + name, m_to + u"/keys/"_qs + name, true); !copied)
            return copied.error();
    }
    return files;
}

Result<QStringList> BackupFiles::copyCertificates(const QStringList &names) const
{
    QStringList files = names;
    if (m_direction == Direction::Backup) {
        const QDir root(m_from);
        for (const QString &directory : {u"certificates"_qs, u"acme/status"_qs}) {
            QDirIterator it(m_from + u'/' + directory, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                files.append(root.relativeFilePath(it.next()));
        }
        files.sort();
    }
    for (const QString &name : std::as_const(files)) {
        if (!QFileInfo::exists(m_from + u'/' + name))
            return damaged({}, u"certificate file "_qs + name + u" is missing"_qs, {});
        if (Status made = makeDirectory(QFileInfo(m_to + u'/' + name).path(), true); !made)
            return made.error();
        if (Status copied = copyFile(m_from + u'/' + name, m_to + u'/' + name, true); !copied)
            return copied.error();
    }
    return files;
}

Status BackupFiles::copyBuildLogs(const QList<qint64> &buildIds) const
{
    for (qint64 id : buildIds) {
        const QString name = u"/builds/"_qs + QString::number(id) + u".log"_qs;
        if (!QFileInfo::exists(m_from + name))
            continue;
        if (Status made = makeDirectory(m_to + u"/builds"_qs); !made)
            return made;
        if (Status copied = copyFile(m_from + name, m_to + name, false); !copied)
            return copied;
    }
    return {};
}

Status BackupFiles::copyFile(const QString &from, const QString &to, bool secret) const
{
    Result<HashedFile> copied = HashedFile::copy(from, to, secret);
    if (!copied)
        return copied.error();
    return {};
}

} // namespace ddd::core::backup
