// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/versionindexes.h"

#include "core/deploy/compressiblepaths.h"
#include "core/deploy/versionindexwriter.h"
#include "core/storage/versionindexrows.h"
#include "core/util/localfile.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSet>

namespace ddd::core::deploy {

namespace {

Q_LOGGING_CATEGORY(lcIndexes, "ddd.core.deploy")

const QString kSuffix = u".idx"_qs;

// "123.idx" -> 123; nullopt for anything else.
std::optional<qint64> versionOf(const QByteArray &name)
{
    if (!name.endsWith(".idx"))
        return std::nullopt;
    bool ok = false;
    const qint64 id = name.chopped(4).toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

} // namespace

VersionIndexes::VersionIndexes(QString directory, storage::VersionIndexRows &rows)
    : m_directory(std::move(directory)), m_rows(rows)
{
}

Status VersionIndexes::initialise() const
{
    if (!QDir().mkpath(m_directory))
        return Error::make(u"io.error"_qs, u"Cannot create "_qs + m_directory);
    return {};
}

QString VersionIndexes::pathFor(qint64 versionId) const
{
    return m_directory + u'/' + QString::number(versionId) + kSuffix;
}

Result<std::shared_ptr<const VersionIndex>> VersionIndexes::open(qint64 versionId) const
{
    return VersionIndex::open(pathFor(versionId), versionId);
}

Result<std::shared_ptr<const VersionIndex>> VersionIndexes::openOrRebuild(qint64 versionId)
{
    Result<std::shared_ptr<const VersionIndex>> index = open(versionId);
    if (index)
        return index;
    if (m_shared)
        qCInfo(lcIndexes) << "Version" << versionId << "indexed here for the first time";
    else
        qCWarning(lcIndexes).noquote() << "Version" << versionId << "index unusable (" << index.error().code
                                       << index.error().message << "), writing it again from the database";
    if (Status written = write(versionId); !written)
        return written.error();
    return open(versionId);
}

Status VersionIndexes::write(qint64 versionId)
{
    std::lock_guard lock(m_writing);
    return writeLocked(versionId);
}

Status VersionIndexes::writeLocked(qint64 versionId)
{
    VersionIndexWriter writer(versionId);
    bool pending = false;
    Status read = m_rows.forEach(versionId, [&](const storage::VersionIndexRows::Row &row) -> Status {
        // Decided for every coding, kept or not: the precompressor is done with it.
        if (!(row.brotliDecided && row.gzipDecided) && CompressiblePaths::isCompressible(QString::fromUtf8(row.path)))
            pending = true;
        // A follower lists only the variants it can fetch: those in the bucket.
        const qint64 brotli = !m_shared || row.brotliPublished ? row.brotliSize.value_or(0) : 0;
        const qint64 gzip = !m_shared || row.gzipPublished ? row.gzipSize.value_or(0) : 0;
        return writer.add(row.path, row.sha256, row.size, brotli, gzip);
    });
    if (!read)
        return read;
    writer.setVariantsPending(pending);
    return writer.writeTo(pathFor(versionId));
}

Result<bool> VersionIndexes::completeVariants(qint64 projectId)
{
    Result<QList<storage::VersionIndexRows::Servable>> versions = m_rows.servable(projectId);
    if (!versions)
        return versions.error();
    std::lock_guard lock(m_writing);
    bool rewritten = false;
    for (const storage::VersionIndexRows::Servable &version : *versions) {
        Result<std::shared_ptr<const VersionIndex>> index = open(version.versionId);
        if (index && !(*index)->variantsPending())
            continue;
        // A follower writes an index when it first serves its version.
        if (!index && m_shared && index.error().code == u"index.missing"_qs)
            continue;
        if (Status written = writeLocked(version.versionId); !written)
            return written.error();
        rewritten = true;
    }
    return rewritten;
}

Status VersionIndexes::remove(qint64 versionId) const
{
    const QString path = pathFor(versionId);
    if (!QFile::remove(path) && QFile::exists(path))
        return Error::make(u"io.error"_qs, u"Cannot remove "_qs + path);
    return {};
}

Result<int> VersionIndexes::removeOrphans()
{
    Result<QList<storage::VersionIndexRows::Servable>> versions = m_rows.servable();
    if (!versions)
        return versions.error();
    QSet<qint64> keep;
    for (const storage::VersionIndexRows::Servable &version : *versions)
        keep.insert(version.versionId);
    std::lock_guard lock(m_writing); // no temporary file is being written meanwhile
    Result<QList<LocalFile::DirectoryEntry>> entries = LocalFile::listDirectory(m_directory);
    if (!entries)
        return entries.error();
    int removed = 0;
    for (const LocalFile::DirectoryEntry &entry : *entries) {
        const std::optional<qint64> version = versionOf(entry.name);
        if (version && keep.contains(*version))
            continue;
        const QString path = m_directory + u'/' + QFile::decodeName(entry.name);
        qCInfo(lcIndexes).noquote() << "Removing version index" << QString::fromUtf8(entry.name)
                                    << "of a version no longer served";
        if (!QFile::remove(path))
            return Error::make(u"io.error"_qs, u"Cannot remove "_qs + path);
        ++removed;
    }
    return removed;
}

Status VersionIndexes::check(qint64 versionId, qint64 fileCount) const
{
    Result<std::shared_ptr<const VersionIndex>> index = open(versionId);
    if (!index)
        return index.error();
    if ((*index)->size() != fileCount)
        return Error::make(u"index.stale"_qs, QStringLiteral("Version index lists %1 files, the database %2")
                                                  .arg((*index)->size())
                                                  .arg(fileCount));
    return (*index)->verify();
}

Result<VersionIndexes::Reconciled> VersionIndexes::reconcile()
{
    Result<QList<storage::VersionIndexRows::Servable>> versions = m_rows.servable();
    if (!versions)
        return versions.error();
    Reconciled done;
    for (const storage::VersionIndexRows::Servable &version : *versions) {
        ++done.checked;
        const Status sound = check(version.versionId, version.fileCount);
        if (sound)
            continue;
        // A follower indexes the versions it serves when it first serves them.
        if (m_shared && sound.error().code == u"index.missing"_qs)
            continue;
        qCWarning(lcIndexes).noquote() << "Version" << version.versionId << "of project" << version.projectId
                                       << "index" << sound.error().code << ":" << sound.error().message
                                       << "- writing it again from the database";
        if (Status written = write(version.versionId); !written)
            return written.error();
        ++done.rebuilt;
    }
    Result<int> swept = removeOrphans();
    if (!swept)
        return swept.error();
    done.removed = *swept;
    return done;
}

} // namespace ddd::core::deploy
