// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/upload/archivespool.h"

#include "core/blobs/blobstore.h"
#include "core/util/diskfull.h"

#include <QFileInfo>
#include <QLoggingCategory>
#include <QStorageInfo>

#include <cerrno>
#include <cstdio>

namespace ddd::core::upload {

namespace {

Q_LOGGING_CATEGORY(lcSpool, "ddd.core.upload")

Error diskFull(const QString &message, qint64 needed, qint64 available)
{
    return Error::make(u"storage.disk_full"_qs, message,
                       {{u"neededBytes"_qs, needed}, {u"availableBytes"_qs, available}});
}

Error tooLarge(qint64 maxBytes)
{
    return Error::make(u"archive.too_large"_qs, QStringLiteral("The archive exceeds %1 bytes").arg(maxBytes),
                       {{u"maximum"_qs, maxBytes}});
}

} // namespace

Result<std::unique_ptr<ArchiveSpool>> ArchiveSpool::create(const blobs::BlobStore &store, qint64 maxBytes,
                                                           std::optional<qint64> declaredBytes)
{
    // Refused now, the client is spared sending a body that cannot be kept.
    if (declaredBytes && *declaredBytes > maxBytes)
        return tooLarge(maxBytes);
    if (declaredBytes) {
        const qint64 available = QStorageInfo(store.stagingRoot()).bytesAvailable();
        if (available >= 0 && *declaredBytes > available)
            return diskFull(u"The agent has no room for an upload of this size"_qs, *declaredBytes, available);
    }
    Result<QString> directory = store.createStagingArea();
    if (!directory)
        return directory.error();
    std::unique_ptr<ArchiveSpool> spool(new ArchiveSpool(store, *directory, maxBytes));
    if (Status opened = spool->open(); !opened)
        return opened.error();
    return spool;
}

ArchiveSpool::ArchiveSpool(const blobs::BlobStore &store, QString directory, qint64 maxBytes)
    : m_store(store), m_directory(std::move(directory)), m_maxBytes(maxBytes),
      m_file(m_directory + u"/archive.spool"_qs)
{
}

ArchiveSpool::~ArchiveSpool()
{
    m_file.close();
    // Should this fail, start-up reconciliation removes the leftover.
    if (Status removed = m_store.removeStagingArea(m_directory); !removed)
        qCWarning(lcSpool) << "Cannot remove an upload's staging area:" << removed.error().message;
}

Status ArchiveSpool::open()
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return DiskFull::writeError(m_file, u"Cannot create a spool file"_qs);
    return {};
}

Status ArchiveSpool::append(QByteArrayView chunk)
{
    if (m_size + chunk.size() > m_maxBytes)
        return tooLarge(m_maxBytes);
    if (m_file.write(chunk.data(), chunk.size()) != chunk.size())
        return writeError();
    m_size += chunk.size();
    return {};
}

Status ArchiveSpool::adopt(const QString &path)
{
    const qint64 size = QFileInfo(path).size();
    if (m_size + size > m_maxBytes)
        return tooLarge(m_maxBytes);
    m_file.close();
    // rename(2) replaces the empty spool file atomically: same file system.
    if (::rename(QFile::encodeName(path).constData(), QFile::encodeName(m_file.fileName()).constData()) != 0)
        return Error::make(u"io.error"_qs, u"Cannot move an archive into its spool: "_qs + qt_error_string(errno));
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append))
        return Error::make(u"io.error"_qs, u"Cannot reopen the spool file: "_qs + m_file.errorString());
    m_size = size;
    return {};
}

Status ArchiveSpool::close()
{
    if (!m_file.flush())
        return writeError();
    m_file.close();
    return {};
}

Error ArchiveSpool::writeError() const
{
    // A full disk is the likely cause; 507 tells the client to stop retrying.
    // A read-only one is named as such (the operator must act, not the client).
    const Error classified = DiskFull::writeError(m_file, u"Cannot write the upload spool"_qs);
    if (classified.code != u"storage.read_only"
        && (m_file.error() == QFileDevice::ResourceError || m_file.error() == QFileDevice::WriteError))
        return Error::make(u"storage.disk_full"_qs, u"The agent could not store the upload: "_qs + m_file.errorString());
    return classified;
}

} // namespace ddd::core::upload
