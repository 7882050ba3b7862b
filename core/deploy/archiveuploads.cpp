// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/archiveuploads.h"

#include "core/blobs/blobstore.h"
#include "core/blobs/sha256.h"
#include "core/deploy/archivechunkupload.h"
#include "core/deploy/archivepieces.h"
#include "core/deploy/archivepieceupload.h"
#include "core/deploy/projectservice.h"
#include "core/storage/archiveuploadstore.h"
#include "core/util/clock.h"
#include "core/util/diskfull.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QStorageInfo>

namespace ddd::core::deploy {

namespace {

Q_LOGGING_CATEGORY(lcArchiveUploads, "ddd.core.deploy")

const QString Deploy = u"deploy"_qs;

Error notFound()
{
    return Error::make(u"upload.not_found"_qs, u"Upload session not found or expired"_qs);
}

QString newId()
{
    quint64 words[2];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex());
}

} // namespace

ArchiveUploads::ArchiveUploads(storage::ConnectionProvider &connections, ProjectService &projects,
                               const blobs::BlobStore &store, const Clock &clock, const DeployOptions &options)
    : m_connections(connections), m_projects(projects), m_store(store), m_clock(clock), m_options(options),
      m_rows(std::make_unique<storage::ArchiveUploadStore>(connections))
{
}

ArchiveUploads::~ArchiveUploads() = default;

QString ArchiveUploads::folderOf(const QString &id) const
{
    return m_store.stagingRoot() + u"/archives/"_qs + id;
}

QString ArchiveUploads::fileOf(const QString &id) const
{
    return folderOf(id) + u"/archive.part"_qs;
}

void ArchiveUploads::keepPiecesIn(blobs::ObjectStore &bucket)
{
    m_pieces = std::make_unique<ArchivePieces>(bucket, m_connections);
}

// The bytes received: in the bucket's pieces, or this agent's file.
Result<qint64> ArchiveUploads::offsetOf(const QString &id) const
{
    if (m_pieces)
        return m_pieces->received(id);
    const QFileInfo file(fileOf(id));
    return file.exists() ? file.size() : 0;
}

Result<model::ArchiveUploadStatus> ArchiveUploads::statusOf(const storage::ArchiveUpload &row) const
{
    Result<qint64> offset = offsetOf(row.id);
    if (!offset)
        return offset.error();
    return model::ArchiveUploadStatus{row.id,     row.projectId,  row.totalBytes, *offset,
                                      row.sha256, row.createdAt, row.expiresAt};
}

Status ArchiveUploads::checkRoom(const model::Identity &caller, qint64 projectId, qint64 size)
{
    if (!caller.can(Deploy))
        return Error::make(u"auth.forbidden"_qs, u"This token lacks the \"deploy\" capability"_qs,
                           QJsonObject{{u"capability"_qs, Deploy}});
    if (Result<model::Project> project = m_projects.findVisible(caller, projectId); !project)
        return project.error();
    if (size > m_options.maxUploadBytes)
        return Error::make(u"archive.too_large"_qs,
                           QStringLiteral("The archive exceeds %1 bytes").arg(m_options.maxUploadBytes),
                           {{u"maximum"_qs, m_options.maxUploadBytes}});
    const qint64 available = QStorageInfo(m_store.stagingRoot()).bytesAvailable();
    if (available >= 0 && size > available)
        return Error::make(u"storage.disk_full"_qs, u"The agent has no room for an upload of this size"_qs,
                           {{u"neededBytes"_qs, size}, {u"availableBytes"_qs, available}});
    return {};
}

Result<model::ArchiveUploadStatus> ArchiveUploads::create(const model::Identity &caller, qint64 projectId, qint64 size,
                                                          const QString &sha256)
{
    if (Status room = checkRoom(caller, projectId, size); !room)
        return room.error();
    if (Status swept = sweep(); !swept)
        qCWarning(lcArchiveUploads) << "Expired archive uploads not removed:" << swept.error().message;
    QMutexLocker locker(&m_folders);
    const qint64 now = m_clock.nowMs();
    Result<qint64> open = m_rows->countUnexpired(caller.userId, now);
    if (!open)
        return open.error();
    if (*open >= m_options.maxArchiveUploadsPerUser)
        return Error::make(u"upload.too_many_sessions"_qs,
                           QStringLiteral("You have %1 archive uploads open; finish or delete one first").arg(*open),
                           {{u"maximum"_qs, m_options.maxArchiveUploadsPerUser}});
    const storage::ArchiveUpload row{newId(), projectId, caller.userId, size, sha256, now,
                                     now + m_options.uploadSessionTtlMs};
    QFile file(fileOf(row.id));
    if (!m_pieces && (!QDir().mkpath(folderOf(row.id)) || !file.open(QIODevice::WriteOnly | QIODevice::NewOnly)))
        return DiskFull::writeError(file, u"Cannot create an archive upload"_qs);
    file.close();
    if (Status inserted = m_rows->insert(row); !inserted) {
        (void)removeFolder(row.id);
        return inserted.error();
    }
    return statusOf(row);
}

Result<QList<model::ArchiveUploadStatus>> ArchiveUploads::list(const model::Identity &caller, qint64 projectId)
{
    if (Result<model::Project> project = m_projects.findVisible(caller, projectId); !project)
        return project.error();
    Result<QList<storage::ArchiveUpload>> rows = m_rows->listUnexpired(caller.userId, projectId, m_clock.nowMs());
    if (!rows)
        return rows.error();
    QList<model::ArchiveUploadStatus> uploads;
    for (const storage::ArchiveUpload &row : std::as_const(*rows)) {
        Result<model::ArchiveUploadStatus> status = statusOf(row);
        if (!status)
            return status.error();
        uploads.append(*status);
    }
    return uploads;
}

Result<storage::ArchiveUpload> ArchiveUploads::owned(const model::Identity &caller, const QString &id)
{
    if (!caller.can(Deploy))
        return Error::make(u"auth.forbidden"_qs, u"This token lacks the \"deploy\" capability"_qs,
                           QJsonObject{{u"capability"_qs, Deploy}});
    Result<std::optional<storage::ArchiveUpload>> row = m_rows->findUnexpired(id, m_clock.nowMs());
    if (!row)
        return row.error();
    // Someone else's session, or one of a project this token may not see,
    // answers like one that never was.
    if (!*row || (*row)->authorId != caller.userId || !m_projects.findVisible(caller, (*row)->projectId))
        return notFound();
    return **row;
}

Result<model::ArchiveUploadStatus> ArchiveUploads::status(const model::Identity &caller, const QString &id)
{
    Result<storage::ArchiveUpload> row = owned(caller, id);
    if (!row)
        return row.error();
    return statusOf(*row);
}

std::shared_ptr<void> ArchiveUploads::claim(const QString &id)
{
    QMutexLocker locker(&m_busyMutex);
    if (m_busy.contains(id))
        return nullptr;
    m_busy.insert(id);
    // Not null, so a held claim tests true; the deleter only releases.
    return std::shared_ptr<void>(static_cast<void *>(this), [this, id](void *) {
        QMutexLocker released(&m_busyMutex);
        m_busy.remove(id);
    });
}

Result<model::ArchiveUploadStatus> ArchiveUploads::reached(const storage::ArchiveUpload &row, qint64 offset)
{
    storage::ArchiveUpload touched = row;
    touched.expiresAt = m_clock.nowMs() + m_options.uploadSessionTtlMs;
    if (Status saved = m_rows->touch(row.id, touched.expiresAt); !saved)
        return saved.error();
    return model::ArchiveUploadStatus{touched.id,     touched.projectId, touched.totalBytes, offset,
                                      touched.sha256, touched.createdAt, touched.expiresAt};
}

Result<std::unique_ptr<upload::Upload<model::ArchiveUploadStatus>>>
ArchiveUploads::openChunk(const model::Identity &caller, const QString &id, qint64 offset)
{
    Result<storage::ArchiveUpload> row = owned(caller, id);
    if (!row)
        return row.error();
    std::shared_ptr<void> held = claim(id);
    if (!held)
        return Error::make(u"upload.busy"_qs, u"Another request is writing this upload; retry shortly"_qs);
    Result<qint64> current = offsetOf(id);
    if (!current)
        return current.error();
    if (offset != *current)
        return Error::make(u"upload.offset_mismatch"_qs,
                           QStringLiteral("The upload stands at byte %1, not %2").arg(*current).arg(offset),
                           {{u"offset"_qs, *current}, {u"size"_qs, row->totalBytes}});
    auto reachedHere = [this, row = *row](qint64 reachedOffset) { return reached(row, reachedOffset); };
    if (m_pieces)
        return openPiece(*row, *current, std::move(held), std::move(reachedHere));
    auto upload = ArchiveChunkUpload::open(fileOf(id), *current, row->totalBytes, std::move(held), std::move(reachedHere));
    if (!upload)
        return upload.error();
    return std::unique_ptr<upload::Upload<model::ArchiveUploadStatus>>(std::move(*upload));
}

Result<std::unique_ptr<upload::Upload<model::ArchiveUploadStatus>>>
ArchiveUploads::openPiece(const storage::ArchiveUpload &row, qint64 start, std::shared_ptr<void> held,
                          ArchiveChunkUpload::Reached reached)
{
    if (!QDir().mkpath(folderOf(row.id)))
        return Error::make(u"io.error"_qs, u"Cannot create a folder for an archive piece"_qs);
    auto upload = ArchivePieceUpload::open(*m_pieces, {row.id, start, row.totalBytes},
                                           folderOf(row.id) + u"/piece."_qs + newId(), std::move(held),
                                           std::move(reached));
    if (!upload)
        return upload.error();
    return std::unique_ptr<upload::Upload<model::ArchiveUploadStatus>>(std::move(*upload));
}

Result<ArchiveUploads::Ready> ArchiveUploads::take(const model::Identity &caller, const QString &id)
{
    Result<storage::ArchiveUpload> row = owned(caller, id);
    if (!row)
        return row.error();
    std::shared_ptr<void> held = claim(id);
    if (!held)
        return Error::make(u"upload.busy"_qs, u"Another request is writing this upload; retry shortly"_qs);
    Result<qint64> offset = offsetOf(id);
    if (!offset)
        return offset.error();
    if (*offset != row->totalBytes)
        return Error::make(u"upload.incomplete"_qs,
                           QStringLiteral("%1 of %2 bytes arrived").arg(*offset).arg(row->totalBytes),
                           {{u"offset"_qs, *offset}, {u"size"_qs, row->totalBytes}});
    if (m_pieces) {
        if (!QDir().mkpath(folderOf(id)))
            return Error::make(u"io.error"_qs, u"Cannot create a folder for an archive upload"_qs);
        if (Status assembled = m_pieces->assemble(id, fileOf(id), folderOf(id) + u"/piece.fetched"_qs); !assembled)
            return assembled.error();
    }
    Ready ready{*row, fileOf(id), std::move(held)};
    if (row->sha256.isEmpty())
        return ready;
    Result<QByteArray> actual = blobs::Sha256::ofFile(ready.path);
    if (!actual)
        return actual.error();
    if (QString::fromLatin1(*actual) != row->sha256) {
        (void)finished(ready);
        return Error::make(u"upload.hash_mismatch"_qs,
                           u"The bytes that arrived are not the archive declared; start a new upload"_qs,
                           {{u"expected"_qs, row->sha256}, {u"actual"_qs, QString::fromLatin1(*actual)}});
    }
    return ready;
}

Status ArchiveUploads::finished(const Ready &ready)
{
    if (Status removed = m_rows->remove(ready.row.id); !removed)
        return removed;
    // Objects left behind (the bucket unreachable now) go with a later sweep.
    if (m_pieces)
        if (Status removed = m_pieces->remove(ready.row.id); !removed)
            qCWarning(lcArchiveUploads) << "The pieces of archive upload" << ready.row.id
                                        << "stay in the bucket for now:" << removed.error().message;
    return removeFolder(ready.row.id);
}

Status ArchiveUploads::discard(const model::Identity &caller, const QString &id)
{
    Result<storage::ArchiveUpload> row = owned(caller, id);
    if (!row)
        return row.error();
    std::shared_ptr<void> held = claim(id);
    if (!held)
        return Error::make(u"upload.busy"_qs, u"Another request is writing this upload; retry shortly"_qs);
    return finished(Ready{*row, fileOf(id), held});
}

Status ArchiveUploads::removeFolder(const QString &id)
{
    if (!QFileInfo::exists(folderOf(id)))
        return {};
    return m_store.removeStagingArea(folderOf(id));
}

Status ArchiveUploads::sweep()
{
    QMutexLocker locker(&m_folders);
    Result<QStringList> expired = m_rows->removeExpired(m_clock.nowMs());
    if (!expired)
        return expired.error();
    Result<QStringList> known = m_rows->allIds();
    if (!known)
        return known.error();
    const QStringList folders = QDir(m_store.stagingRoot() + u"/archives"_qs).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &folder : folders) {
        QMutexLocker busy(&m_busyMutex);
        if (known->contains(folder) || m_busy.contains(folder))
            continue;
        busy.unlock();
        qCInfo(lcArchiveUploads) << "Removing archive upload" << folder << "(expired or abandoned)";
        if (Status removed = removeFolder(folder); !removed)
            return removed;
    }
    // The bucket may be down: its leftovers wait for a later sweep, nothing else does.
    const auto knownUploads = [this]() -> Result<QSet<QString>> {
        Result<QStringList> ids = m_rows->allIds();
        if (!ids)
            return ids.error();
        return QSet<QString>(ids->cbegin(), ids->cend());
    };
    if (m_pieces)
        if (Status swept = m_pieces->sweep(knownUploads); !swept)
            qCWarning(lcArchiveUploads) << "Pieces of ended archive uploads stay in the bucket for now:"
                                        << swept.error().message;
    return {};
}

} // namespace ddd::core::deploy
