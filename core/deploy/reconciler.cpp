// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/reconciler.h"

#include "core/blobs/blobstore.h"
#include "core/deploy/activation.h"
#include "core/deploy/blobpublisher.h"
#include "core/deploy/garbagecollector.h"
#include "core/deploy/variantrepair.h"
#include "core/deploy/versionindexes.h"
#include "core/storage/uploadsessionstore.h"
#include "core/storage/versionstore.h"
#include "core/util/clock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>

namespace ddd::core::deploy {

namespace {

Q_LOGGING_CATEGORY(lcReconciler, "ddd.core.deploy")

// staging/partial/ holds resumable uploads; everything else in staging/ is
// an upload or build that was cut off.
const QString PartialDirectory = u"partial"_qs;
const QString ArchivesDirectory = u"archives"_qs;

} // namespace

Reconciler::Reconciler(storage::VersionStore &versions, storage::UploadSessionStore &sessions,
                       storage::BlobVariantStore &variants, const blobs::BlobStore &store,
                       GarbageCollector &collector, Activation &activation, VersionIndexes &indexes,
                       const Clock &clock)
    : m_versions(versions), m_sessions(sessions), m_variants(variants), m_store(store), m_collector(collector),
      m_activation(activation), m_indexes(indexes), m_clock(clock)
{
}

Status Reconciler::run()
{
    QElapsedTimer timer;
    timer.start();
    const Status done = runSteps();
    if (done)
        qCInfo(lcReconciler) << "Start-up reconciliation took" << timer.elapsed() << "ms";
    return done;
}

Status Reconciler::runAsFollower()
{
    QElapsedTimer timer;
    timer.start();
    if (Status cleared = removeStagingLeftovers(); !cleared)
        return cleared;
    if (Status indexed = reconcileIndexes(); !indexed)
        return indexed;
    qCInfo(lcReconciler) << "Start-up reconciliation (following another agent) took" << timer.elapsed() << "ms";
    return {};
}

Status Reconciler::runSteps()
{
    const Error interrupted = Error::make(u"deploy.interrupted"_qs,
                                          u"The agent stopped while this version was being prepared"_qs);
    Result<int> failed = m_versions.failUnfinished(interrupted);
    if (!failed)
        return failed.error();
    if (*failed > 0)
        qCWarning(lcReconciler) << *failed << "versions were interrupted by a restart and are marked failed";
    if (Result<int> expired = m_sessions.removeExpired(m_clock.nowMs()); !expired)
        return expired.error();
    if (Status cleared = removeStagingLeftovers(); !cleared)
        return cleared;
    if (Status checked = failVersionsMissingBlobs(); !checked)
        return checked;
    // After the sessions: partial uploads of expired ones go with the garbage.
    if (Status collected = m_collector.collectAll(); !collected)
        return collected;
    // After the collection: variants of blobs it removed are gone already.
    if (Status repaired = VariantRepair(m_variants, m_store, m_publisher).run(); !repaired)
        return repaired;
    // After the failed versions are known: only servable ones keep an index.
    if (Status indexed = reconcileIndexes(); !indexed)
        return indexed;
    return m_activation.rebuildAll();
}

Status Reconciler::reconcileIndexes()
{
    QElapsedTimer timer;
    timer.start();
    if (Status created = m_indexes.initialise(); !created)
        return created;
    Result<VersionIndexes::Reconciled> indexes = m_indexes.reconcile();
    if (!indexes)
        return indexes.error();
    qCInfo(lcReconciler) << "Version indexes:" << indexes->checked << "checked," << indexes->rebuilt << "rebuilt,"
                         << indexes->removed << "orphans removed, in" << timer.elapsed() << "ms";
    return {};
}

Status Reconciler::removeStagingLeftovers()
{
    const QDir staging(m_store.stagingRoot());
    const QFileInfoList entries =
        staging.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
    for (const QFileInfo &entry : entries) {
        if (entry.fileName() == PartialDirectory && entry.isDir() && !entry.isSymLink())
            continue;
        // Archive uploads in pieces stay resumable; ArchiveUploads::sweep() tidies them.
        if (entry.fileName() == ArchivesDirectory && entry.isDir() && !entry.isSymLink())
            continue;
        qCInfo(lcReconciler) << "Removing staging leftover" << entry.fileName();
        if (entry.isDir() && !entry.isSymLink()) {
            if (Status removed = m_store.removeStagingArea(entry.filePath()); !removed)
                return removed;
        } else if (!QFile::remove(entry.filePath())) {
            return Error::make(u"io.error"_qs, u"Cannot remove "_qs + entry.filePath());
        }
    }
    return {};
}

Status Reconciler::failVersionsMissingBlobs()
{
    Result<QList<QByteArray>> stored = m_store.listAll();
    if (!stored)
        return stored.error();
    Result<QSet<QByteArray>> referenced = m_versions.referencedHashes();
    if (!referenced)
        return referenced.error();
    const QSet<QByteArray> present(stored->cbegin(), stored->cend());
    QSet<QByteArray> missing = referenced->subtract(present);
    if (m_publisher && !missing.isEmpty()) {
        Result<QSet<QByteArray>> published = m_publisher->published(missing.values());
        if (!published)
            return published.error();
        missing.subtract(*published);
    }
    QHash<qint64, qsizetype> missingPerVersion;
    for (const QByteArray &sha256 : missing) {
        Result<QList<qint64>> users = m_versions.versionsUsing(sha256);
        if (!users)
            return users.error();
        for (qint64 versionId : *users)
            ++missingPerVersion[versionId];
    }
    for (auto it = missingPerVersion.cbegin(); it != missingPerVersion.cend(); ++it)
        if (Status marked = failVersion(it.key(), it.value()); !marked)
            return marked;
    return {};
}

Status Reconciler::failVersion(qint64 versionId, qsizetype missingBlobs)
{
    Result<std::optional<model::Version>> version = m_versions.find(versionId);
    if (!version)
        return version.error();
    if (!version->has_value() || (*version)->status == model::VersionStatus::Failed)
        return {};
    const model::Version &broken = **version;
    // Serving a site with holes would answer some of its paths from no
    // version at all; taking it offline is the honest failure.
    if (broken.status == model::VersionStatus::Live)
        qCCritical(lcReconciler) << "Live version" << broken.number << "of project" << broken.projectId << "lost"
                                 << missingBlobs << "blobs; the site is offline until another version is activated";
    else
        qCWarning(lcReconciler) << "Version" << broken.number << "of project" << broken.projectId << "lost"
                                << missingBlobs << "blobs and is marked failed";
    const Error reason = Error::make(u"storage.blob_missing"_qs,
                                     QStringLiteral("%1 blobs of this version are missing from the blob store")
                                         .arg(missingBlobs),
                                     {{u"missingBlobs"_qs, qint64(missingBlobs)}});
    return m_activation.takeOffline(broken.projectId, versionId, reason);
}

} // namespace ddd::core::deploy
