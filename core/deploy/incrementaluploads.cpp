// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/incrementaluploads.h"

#include "core/blobs/blobstore.h"
#include "core/blobs/manifestdiff.h"
#include "core/deploy/blobguard.h"
#include "core/deploy/blobpublisher.h"
#include "core/deploy/deployoptions.h"
#include "core/deploy/ingest.h"
#include "core/deploy/partialblobupload.h"
#include "core/deploy/uploadmanifest.h"
#include "core/deploy/versionrecorder.h"
#include "core/storage/uploadsessionstore.h"
#include "core/util/clock.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

namespace ddd::core::deploy {

namespace {

constexpr qsizetype SessionIdBytes = 16;

Error sessionNotFound()
{
    return Error::make(u"upload.not_found"_qs, u"Upload session not found or expired"_qs);
}

Result<qint64> declaredSize(const blobs::Manifest &manifest, const QByteArray &sha256)
{
    for (const blobs::ManifestEntry &entry : manifest.entries())
        if (entry.sha256 == sha256)
            return entry.size;
    return Error::make(u"blob.not_in_manifest"_qs, u"This upload's manifest names no file with that hash"_qs,
                       {{u"sha256"_qs, QString::fromLatin1(sha256.left(64))}});
}

// Equal content has equal length: two sizes for one hash means a lying
// manifest, and the upload of that blob could never complete.
Status checkConsistentSizes(const blobs::Manifest &manifest)
{
    QHash<QByteArray, qint64> sizes;
    for (const blobs::ManifestEntry &entry : manifest.entries()) {
        const auto known = sizes.constFind(entry.sha256);
        if (known != sizes.constEnd() && *known != entry.size)
            return Error::make(u"manifest.invalid"_qs,
                               QStringLiteral("Entry \"%1\" gives its content another size than an earlier entry")
                                   .arg(entry.path),
                               {{u"entry"_qs, entry.path}});
        sizes.insert(entry.sha256, entry.size);
    }
    return {};
}

Error offsetMismatch(qint64 received)
{
    return Error::make(u"upload.offset_mismatch"_qs,
                       QStringLiteral("The agent holds %1 bytes of this blob; continue from there").arg(received),
                       {{u"received"_qs, received}});
}

} // namespace

IncrementalUploads::IncrementalUploads(storage::UploadSessionStore &sessions, storage::VersionStore &versions,
                                       VersionRecorder &recorder, const blobs::BlobStore &store, BlobGuard &guard,
                                       const Clock &clock, const DeployOptions &options)
    : m_sessions(sessions), m_versions(versions), m_recorder(recorder), m_store(store), m_guard(guard), m_clock(clock), m_options(options)
{
}

Result<model::UploadPlan> IncrementalUploads::start(qint64 projectId, qint64 authorId, const QByteArray &manifestJson,
                                                    bool source)
{
    Result<blobs::Manifest> manifest = UploadManifest::read(manifestJson, projectId, m_versions);
    if (!manifest)
        return manifest.error();
    if (Status admitted = Ingest::checkManifest(*manifest, m_options.limits); !admitted)
        return admitted.error();
    if (Status consistent = checkConsistentSizes(*manifest); !consistent)
        return consistent.error();
    // Blobs found in the store now must still be there at finalize(): the
    // session row protects them from the collector once it exists.
    const auto protection = m_guard.protectNewBlobs();
    Result<blobs::Manifest> live = m_recorder.liveManifest(projectId);
    if (!live)
        return live.error();
    QHash<QByteArray, qint64> sizes;
    for (const blobs::ManifestEntry &entry : manifest->entries())
        sizes.insert(entry.sha256, entry.size);
    const QSet<QByteArray> published = publishedElsewhere(*manifest);
    const auto held = [&](const QByteArray &sha256) {
        return published.contains(sha256) || isHeld(sha256, sizes.value(sha256));
    };
    const blobs::ManifestDiff diff = blobs::ManifestDiff::between(*live, *manifest, held);
    model::UploadPlan plan;
    plan.diff = VersionRecorder::summarise(diff);
    for (const blobs::ManifestEntry &entry : diff.blobsToUpload()) {
        Result<qint64> received = m_store.partialSize(entry.sha256);
        if (!received)
            return received.error();
        plan.missing.append(QString::fromLatin1(entry.sha256));
        plan.bytesToSend += qMax<qint64>(0, entry.size - *received);
    }
    Result<QString> id = insertSession(projectId, authorId, *manifest, source);
    if (!id)
        return id.error();
    plan.uploadId = *id;
    return plan;
}

Result<model::BlobProgress> IncrementalUploads::progress(const model::Identity &caller, const QString &uploadId,
                                                         const QString &sha256)
{
    Result<Session> found = session(caller, uploadId);
    if (!found)
        return found.error();
    const QByteArray hash = sha256.toLatin1();
    Result<qint64> size = declaredSize(found->manifest, hash);
    if (!size)
        return size.error();
    if (isComplete(hash))
        return model::BlobProgress{sha256, *size, *size, true};
    Result<qint64> received = m_store.partialSize(hash);
    if (!received)
        return received.error();
    return model::BlobProgress{sha256, *size, *received, false};
}

Result<std::unique_ptr<upload::Upload<model::BlobProgress>>> IncrementalUploads::open(const model::Identity &caller, const QString &uploadId,
                                                             const QString &sha256, qint64 offset)
{
    Result<Session> found = session(caller, uploadId);
    if (!found)
        return found.error();
    const QByteArray hash = sha256.toLatin1();
    Result<qint64> size = declaredSize(found->manifest, hash);
    if (!size)
        return size.error();
    if (isComplete(hash)) {
        if (offset != *size)
            return offsetMismatch(*size);
        return uploadOf(hash, *size, std::nullopt);
    }
    if (!m_guard.claimPartial(hash))
        return Error::make(u"upload.blob_busy"_qs, u"Another request is uploading this blob right now"_qs,
                           {{u"sha256"_qs, sha256}});
    Result<blobs::PartialBlob> partial = openAt(hash, *size, offset);
    if (!partial) {
        m_guard.releasePartial(hash);
        return partial.error();
    }
    return uploadOf(hash, *size, std::move(*partial));
}

std::unique_ptr<upload::Upload<model::BlobProgress>>
IncrementalUploads::uploadOf(const QByteArray &sha256, qint64 size, std::optional<blobs::PartialBlob> partial)
{
    auto upload = std::make_unique<PartialBlobUpload>(m_store, m_guard, sha256, size, std::move(partial));
    if (m_publisher)
        upload->publishWhenComplete([publisher = m_publisher](const QByteArray &blob) {
            Result<int> published = publisher->publish(QSet<QByteArray>{blob});
            return published ? Status() : Status(published.error());
        });
    return upload;
}

// Here, or (with shared object storage) in the bucket: sent to another
// agent, whose finalize() or this one's will find it.
bool IncrementalUploads::isComplete(const QByteArray &sha256) const
{
    if (m_store.contains(sha256))
        return true;
    if (!m_publisher)
        return false;
    const Result<QSet<QByteArray>> published = m_publisher->published({sha256});
    return published && published->contains(sha256);
}

Result<qint64> IncrementalUploads::projectOf(const model::Identity &caller, const QString &uploadId)
{
    Result<Session> found = session(caller, uploadId);
    if (!found)
        return found.error();
    return found->row.projectId;
}

Result<model::Version> IncrementalUploads::finalize(const model::Identity &caller, const QString &uploadId)
{
    Result<Session> found = session(caller, uploadId);
    if (!found)
        return found.error();
    if (found->row.source)
        return sessionNotFound();
    const auto protection = m_guard.protectNewBlobs();
    if (Status complete = checkComplete(found->manifest); !complete)
        return complete.error();
    // Refused before the version exists; the session stays until it expires
    // (its manifest cannot change, so a fixed site starts a new upload).
    if (Status rules = Ingest::checkRules(found->manifest, m_store); !rules)
        return rules.error();
    return m_recorder.record(found->row.projectId, caller.userId, found->manifest, model::VersionSource::Incremental,
                             uploadId);
}

Result<bool> IncrementalUploads::isSource(const model::Identity &caller, const QString &uploadId)
{
    Result<Session> found = session(caller, uploadId);
    if (!found)
        return found.error();
    return found->row.source;
}

Result<blobs::Manifest> IncrementalUploads::completeSource(const model::Identity &caller, const QString &uploadId)
{
    Result<Session> found = session(caller, uploadId);
    if (!found)
        return found.error();
    if (!found->row.source)
        return sessionNotFound();
    if (Status complete = checkComplete(found->manifest); !complete)
        return complete.error();
    return found->manifest;
}

Status IncrementalUploads::checkComplete(const blobs::Manifest &manifest)
{
    const QStringList missing = completeBlobs(manifest);
    if (missing.isEmpty())
        return {};
    return Error::make(u"upload.incomplete"_qs,
                       QStringLiteral("%1 blobs of this upload have not arrived").arg(missing.size()),
                       {{u"missing"_qs, QJsonArray::fromStringList(missing)}});
}

Result<IncrementalUploads::Session> IncrementalUploads::session(const model::Identity &caller,
                                                                 const QString &uploadId)
{
    Result<std::optional<storage::UploadSession>> row = m_sessions.findUnexpired(uploadId, m_clock.nowMs());
    if (!row)
        return row.error();
    if (!row->has_value() || (*row)->authorId != caller.userId || !caller.mayTouchProject((*row)->projectId))
        return sessionNotFound();
    Result<blobs::Manifest> manifest = blobs::Manifest::fromJson((*row)->manifestJson);
    if (!manifest)
        return Error::make(u"storage.corrupt"_qs, u"Unreadable upload session manifest"_qs);
    return Session{**row, std::move(*manifest)};
}

// Called with the partial claimed, so its length cannot change meanwhile.
Result<blobs::PartialBlob> IncrementalUploads::openAt(const QByteArray &sha256, qint64 size, qint64 offset) const
{
    Result<qint64> received = m_store.partialSize(sha256);
    if (!received)
        return received.error();
    if (*received != offset)
        return offsetMismatch(*received);
    return m_store.openPartial(sha256, size);
}

// In the store, or (given its size) fully arrived as a partial upload that
// finalize() will verify and commit.
bool IncrementalUploads::isHeld(const QByteArray &sha256, qint64 size) const
{
    if (m_store.contains(sha256))
        return true;
    if (size <= 0)
        return false;
    const Result<qint64> partial = m_store.partialSize(sha256);
    return partial && *partial == size;
}

// The manifest's blobs this machine lacks but the bucket holds, claimed so
// they stay there until the session records them. A failed lookup only
// means the client is asked for them: never a wrong answer.
QSet<QByteArray> IncrementalUploads::publishedElsewhere(const blobs::Manifest &manifest) const
{
    if (!m_publisher)
        return {};
    QSet<QByteArray> absent;
    for (const blobs::ManifestEntry &entry : manifest.entries())
        if (!m_store.contains(entry.sha256))
            absent.insert(entry.sha256);
    Result<QSet<QByteArray>> published = absent.isEmpty() ? QSet<QByteArray>() : m_publisher->claim(absent.values());
    return published ? *published : QSet<QByteArray>();
}

// Commits fully arrived partial uploads and answers the hashes still absent.
QStringList IncrementalUploads::completeBlobs(const blobs::Manifest &manifest)
{
    QStringList missing;
    QSet<QByteArray> seen = publishedElsewhere(manifest);
    for (const blobs::ManifestEntry &entry : manifest.entries()) {
        if (seen.contains(entry.sha256) || m_store.contains(entry.sha256))
            continue;
        seen.insert(entry.sha256);
        bool committed = false;
        if (isHeld(entry.sha256, entry.size) && m_guard.claimPartial(entry.sha256)) {
            committed = m_store.completePartial(entry.sha256).ok();
            m_guard.releasePartial(entry.sha256);
        }
        if (!committed)
            missing.append(QString::fromLatin1(entry.sha256));
    }
    return missing;
}

Result<QString> IncrementalUploads::insertSession(qint64 projectId, qint64 authorId, const blobs::Manifest &manifest,
                                                  bool source)
{
    const qint64 now = m_clock.nowMs();
    if (Result<int> expired = m_sessions.removeExpired(now); !expired)
        return expired.error();
    storage::UploadSession session;
    session.id = QString::fromLatin1(m_random.bytes(SessionIdBytes).toHex());
    session.projectId = projectId;
    session.authorId = authorId;
    session.manifestJson = manifest.toJson();
    session.createdAt = now;
    session.expiresAt = now + m_options.uploadSessionTtlMs;
    session.source = source;
    if (Status inserted = m_sessions.insert(session); !inserted)
        return inserted.error();
    return session.id;
}

} // namespace ddd::core::deploy
