// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/deploy/retention.h"

#include "core/deploy/garbagecollector.h"
#include "core/deploy/versionindexes.h"
#include "core/storage/versionstore.h"
#include "core/util/crashpoint.h"

#include <QLoggingCategory>

namespace ddd::core::deploy {

namespace {

Q_LOGGING_CATEGORY(lcRetention, "ddd.core.deploy")

} // namespace

Retention::Retention(storage::VersionStore &versions, GarbageCollector &collector, VersionIndexes &indexes, int keep)
    : m_versions(versions), m_collector(collector), m_indexes(indexes), m_keep(keep)
{
}

Status Retention::apply(qint64 projectId)
{
    Result<QList<qint64>> expired = m_versions.retentionCandidates(projectId, m_keep);
    if (!expired)
        return expired.error();
    return expire(*expired);
}

Status Retention::expire(const QList<qint64> &versionIds)
{
    for (qint64 versionId : versionIds) {
        Result<QList<model::VersionFile>> files = m_versions.files(versionId);
        if (!files)
            return files.error();
        Result<bool> removed = m_versions.removeExpired(versionId);
        if (!removed)
            return removed.error();
        if (!*removed) {
            qCInfo(lcRetention) << "Retention left version" << versionId
                                << "alone: live, pinned or deleted since it was chosen";
            continue;
        }
        qCInfo(lcRetention) << "Retention deleted version" << versionId;
        if (Status collected = cleanUpAfter(versionId, *files); !collected)
            return collected;
    }
    return {};
}

Status Retention::remove(qint64 versionId)
{
    Result<QList<model::VersionFile>> files = m_versions.files(versionId);
    if (!files)
        return files.error();
    if (Status removed = m_versions.remove(versionId); !removed)
        return removed;
    return cleanUpAfter(versionId, *files);
}

Status Retention::cleanUpAfter(qint64 versionId, const QList<model::VersionFile> &files)
{
    CrashPoint::hit("retention.version_deleted");
    // A file left behind is only disk space: start-up removes orphans.
    if (Status gone = m_indexes.remove(versionId); !gone)
        qCWarning(lcRetention).noquote() << "Index of deleted version" << versionId << "kept:" << gone.error().message;
    QSet<QByteArray> hashes;
    for (const model::VersionFile &file : files)
        hashes.insert(file.sha256.toLatin1());
    return m_collector.collect(hashes);
}

} // namespace ddd::core::deploy
