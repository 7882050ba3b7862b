// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/blobstore.h"

#include "core/blobs/sha256.h"
#include "core/util/diskfull.h"
#include "core/util/localfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

namespace ddd::core::blobs {

namespace {

constexpr QFileDevice::Permissions kDirectoryPermissions = QFileDevice::ReadOwner | QFileDevice::WriteOwner
    | QFileDevice::ExeOwner | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
    | QFileDevice::ExeOther;

Error invalidHash(const QByteArray &sha256)
{
    return Error::make(u"blob.invalid_hash"_qs, u"Not a SHA-256 hex digest: "_qs + QString::fromLatin1(sha256.left(80)));
}

Error notFound(const QByteArray &sha256)
{
    return Error::make(u"blob.not_found"_qs, u"No blob "_qs + QString::fromLatin1(sha256), {{u"sha256"_qs, QString::fromLatin1(sha256)}});
}

// `error` is the errno of the call that just failed (0 when no call did): a
// read-only or full data root is named as such (storage.read_only,
// storage.disk_full), not io.error.
Error ioError(const QString &what, int error = errno)
{
    return Error::make(DiskFull::codeFor(error), what);
}

Status makeDirectory(const QString &path)
{
    if (QDir().mkdir(path, kDirectoryPermissions) || QFileInfo(path).isDir())
        return {};
    return ioError(u"Cannot create directory "_qs + path);
}

} // namespace

BlobStore::BlobStore(QString dataRoot) : m_root(std::move(dataRoot)) {}

Status BlobStore::initialise() const
{
    const QString blobs = m_root + u"/blobs"_qs;
    for (const QString &directory : {m_root, blobs, stagingRoot(), stagingRoot() + u"/partial"_qs})
        if (Status status = makeDirectory(directory); !status)
            return status;
    // All 256 shard directories exist from the start, so committing a blob
    // never creates a directory whose own entry would still need syncing.
    for (int shard = 0; shard < 256; ++shard)
        if (Status status = makeDirectory(QStringLiteral("%1/%2").arg(blobs).arg(shard, 2, 16, QChar(u'0'))); !status)
            return status;
    return LocalFile::syncDirectory(blobs);
}

QString BlobStore::stagingRoot() const
{
    return m_root + u"/staging"_qs;
}

Result<QString> BlobStore::createStagingArea() const
{
    QTemporaryDir directory(stagingRoot() + u"/upload-XXXXXX"_qs);
    if (!directory.isValid())
        return ioError(u"Cannot create a staging directory: "_qs + directory.errorString());
    directory.setAutoRemove(false);
    return directory.path();
}

Status BlobStore::removeStagingArea(const QString &directory) const
{
    // Only ever delete below staging/: the argument may come from far away.
    const QString canonical = QFileInfo(directory).canonicalFilePath();
    const QString root = QFileInfo(stagingRoot()).canonicalFilePath();
    if (canonical.isEmpty())
        return {};
    if (root.isEmpty() || !canonical.startsWith(root + u'/'))
        return ioError(directory + u" is not a staging directory"_qs, 0);
    if (!QDir(canonical).removeRecursively())
        return ioError(u"Cannot remove "_qs + directory);
    return {};
}

Status BlobStore::commit(const StagedBlob &blob) const
{
    const QString target = pathFor(blob.sha256);
    if (target.isEmpty())
        return invalidHash(blob.sha256);
    if (QFileInfo::exists(target)) {
        QFile::remove(blob.path); // deduplicated: the store already holds this content
        return {};
    }
    if (Status status = LocalFile::syncFile(blob.path); !status)
        return status;
    if (Status status = renameIntoStore(blob); !status)
        return status;
    return LocalFile::syncDirectory(QFileInfo(target).path());
}

Status BlobStore::commitAll(const QList<StagedBlob> &blobs) const
{
    for (const StagedBlob &blob : blobs)
        if (!Sha256::isValidHex(blob.sha256))
            return invalidHash(blob.sha256);
    QList<StagedBlob> fresh;
    for (const StagedBlob &blob : blobs) {
        if (QFileInfo::exists(pathFor(blob.sha256)))
            QFile::remove(blob.path); // deduplicated
        else
            fresh.append(blob);
    }
    if (fresh.isEmpty())
        return {};
    if (Status status = LocalFile::syncFileSystem(stagingRoot()); !status)
        return status;
    // Two files of one upload may share content: the second rename replaces
    // the first with identical bytes.
    for (const StagedBlob &blob : fresh)
        if (Status status = renameIntoStore(blob); !status)
            return status;
    return LocalFile::syncFileSystem(m_root + u"/blobs"_qs);
}

bool BlobStore::contains(const QByteArray &sha256) const
{
    const QString path = pathFor(sha256);
    return !path.isEmpty() && QFileInfo(path).isFile();
}

void BlobStore::setCacheHooks(CacheHooks hooks)
{
    m_hooks = std::move(hooks);
}

Status BlobStore::ensureHeld(const QByteArray &sha256) const
{
    Result<qint64> held = size(sha256);
    if (held)
        return {};
    if (held.error().code != u"blob.not_found"_qs || !m_hooks.fetchMissing)
        return held.error();
    return m_hooks.fetchMissing(sha256);
}

QString BlobStore::pathFor(const QByteArray &sha256) const
{
    if (!Sha256::isValidHex(sha256))
        return {};
    // On every site request: plain appends, QString::arg() cost four times as much.
    QString path;
    path.reserve(m_root.size() + 10 + sha256.size());
    path.append(m_root).append(u"/blobs/").append(QLatin1StringView(sha256.left(2))).append(u'/');
    return path.append(QLatin1StringView(sha256));
}

Result<qint64> BlobStore::size(const QByteArray &sha256) const
{
    const QString path = pathFor(sha256);
    if (path.isEmpty())
        return invalidHash(sha256);
    const QFileInfo info(path);
    if (!info.isFile())
        return notFound(sha256);
    return info.size();
}

Status BlobStore::remove(const QByteArray &sha256) const
{
    const QString path = pathFor(sha256);
    if (path.isEmpty())
        return invalidHash(sha256);
    if (QFile::exists(path) && !QFile::remove(path))
        return ioError(u"Cannot remove "_qs + path);
    return {};
}

Result<QList<QByteArray>> BlobStore::listAll() const
{
    const QDir blobs(m_root + u"/blobs"_qs);
    if (!blobs.exists())
        return ioError(u"No blob directory in "_qs + m_root, 0);
    QList<QByteArray> hashes;
    for (const QString &shard : blobs.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        for (const QString &name : QDir(blobs.filePath(shard)).entryList(QDir::Files, QDir::Name)) {
            const QByteArray hash = name.toLatin1();
            if (Sha256::isValidHex(hash) && name.startsWith(shard))
                hashes.append(hash);
        }
    }
    return hashes;
}

QString BlobStore::variantPath(const QByteArray &sha256, ContentCoding coding) const
{
    const QString path = pathFor(sha256);
    return path.isEmpty() ? path : path + BlobVariant::suffix(coding);
}

QString BlobStore::variantStagingPath() const
{
    return stagingRoot() + u"/variant-"_qs + QString::number(QRandomGenerator::system()->generate64(), 16);
}

Status BlobStore::commitVariants(const QList<StagedVariant> &variants) const
{
    if (variants.isEmpty())
        return {};
    for (const StagedVariant &variant : variants)
        if (!Sha256::isValidHex(variant.sha256))
            return invalidHash(variant.sha256);
    if (Status status = LocalFile::syncFileSystem(stagingRoot()); !status)
        return status;
    for (const StagedVariant &variant : variants) {
        const QByteArray target = QFile::encodeName(variantPath(variant.sha256, variant.coding));
        if (std::rename(QFile::encodeName(variant.path).constData(), target.constData()) != 0)
            return ioError(QStringLiteral("Cannot move %1 into the blob store").arg(variant.path));
    }
    return LocalFile::syncFileSystem(m_root + u"/blobs"_qs);
}

Status BlobStore::removeVariants(const QByteArray &sha256) const
{
    if (!Sha256::isValidHex(sha256))
        return invalidHash(sha256);
    for (ContentCoding coding : BlobVariant::codings()) {
        const QString path = variantPath(sha256, coding);
        if (QFileInfo(path).exists() && !QFile::remove(path))
            return ioError(u"Cannot remove "_qs + path);
    }
    return {};
}

Result<QList<StoredVariant>> BlobStore::listVariants() const
{
    const QDir blobs(m_root + u"/blobs"_qs);
    if (!blobs.exists())
        return ioError(u"No blob directory in "_qs + m_root, 0);
    QList<StoredVariant> variants;
    for (const QString &shard : blobs.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir directory(blobs.filePath(shard));
        for (const QFileInfo &entry : directory.entryInfoList(QDir::Files | QDir::System | QDir::Hidden, QDir::Name)) {
            const QString name = entry.fileName();
            const QByteArray hash = name.left(64).toLatin1();
            const std::optional<ContentCoding> coding = BlobVariant::fromSuffix(QStringView(name).mid(64));
            if (coding && Sha256::isValidHex(hash) && name.startsWith(shard))
                variants.append({hash, *coding, entry.isSymLink() ? -1 : entry.size()});
        }
    }
    return variants;
}

Status BlobStore::verify(const QByteArray &sha256) const
{
    if (!contains(sha256))
        return Sha256::isValidHex(sha256) ? notFound(sha256) : invalidHash(sha256);
    Result<QByteArray> actual = Sha256::ofFile(pathFor(sha256));
    if (!actual)
        return actual.error();
    if (*actual != sha256)
        return Error::make(u"storage.blob_corrupt"_qs, u"Blob content no longer matches its name: "_qs + QString::fromLatin1(sha256),
                           {{u"sha256"_qs, QString::fromLatin1(sha256)}});
    return {};
}

Result<PartialBlob> BlobStore::openPartial(const QByteArray &sha256, qint64 maxBytes) const
{
    if (!Sha256::isValidHex(sha256))
        return invalidHash(sha256);
    return PartialBlob::open(partialPath(sha256), maxBytes);
}

Status BlobStore::completePartial(const QByteArray &sha256) const
{
    if (!Sha256::isValidHex(sha256))
        return invalidHash(sha256);
    const QString path = partialPath(sha256);
    if (!QFileInfo(path).isFile())
        return notFound(sha256);
    Result<QByteArray> actual = Sha256::ofFile(path);
    if (!actual)
        return actual.error();
    if (*actual != sha256) {
        QFile::remove(path);
        return Error::make(u"blob.hash_mismatch"_qs,
                           u"The uploaded bytes do not hash to "_qs + QString::fromLatin1(sha256),
                           {{u"sha256"_qs, QString::fromLatin1(sha256)}, {u"actual"_qs, QString::fromLatin1(*actual)}});
    }
    QFile(path).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                               | QFileDevice::ReadOther);
    return commit(StagedBlob{path, sha256, QFileInfo(path).size()});
}

Result<qint64> BlobStore::partialSize(const QByteArray &sha256) const
{
    if (!Sha256::isValidHex(sha256))
        return invalidHash(sha256);
    const QFileInfo info(partialPath(sha256));
    return info.isFile() ? info.size() : 0;
}

Status BlobStore::removePartial(const QByteArray &sha256) const
{
    if (!Sha256::isValidHex(sha256))
        return invalidHash(sha256);
    const QString path = partialPath(sha256);
    if (QFile::exists(path) && !QFile::remove(path))
        return ioError(u"Cannot remove "_qs + path);
    return {};
}

Result<QList<QByteArray>> BlobStore::listPartials() const
{
    const QDir partials(stagingRoot() + u"/partial"_qs);
    if (!partials.exists())
        return ioError(u"No partial upload directory in "_qs + stagingRoot(), 0);
    QList<QByteArray> hashes;
    for (const QString &name : partials.entryList(QDir::Files, QDir::Name)) {
        const QByteArray hash = name.toLatin1();
        if (Sha256::isValidHex(hash))
            hashes.append(hash);
    }
    return hashes;
}

Status BlobStore::renameIntoStore(const StagedBlob &blob) const
{
    // rename(2): atomic on one file system, and staging/ sits beside blobs/.
    if (std::rename(QFile::encodeName(blob.path).constData(), QFile::encodeName(pathFor(blob.sha256)).constData()) != 0)
        return ioError(QStringLiteral("Cannot move %1 into the blob store").arg(blob.path));
    if (m_hooks.added)
        m_hooks.added(blob.size);
    return {};
}

QString BlobStore::partialPath(const QByteArray &sha256) const
{
    return stagingRoot() + u"/partial/"_qs + QString::fromLatin1(sha256);
}

} // namespace ddd::core::blobs
