// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QList>

namespace ddd::core::model {
struct VersionFile;
}

namespace ddd::core::storage {
class VersionStore;
}

namespace ddd::core::deploy {

class GarbageCollector;
class VersionIndexes;

// Deletes versions, by request or by the retention rule (security guide
// 8.5: the newest N, pinned ones, the live one and the previous live one
// stay), then collects the blobs only they referenced and deletes their
// version index files.
class Retention final
{
public:
    Retention(storage::VersionStore &versions, GarbageCollector &collector, VersionIndexes &indexes, int keep);

    // Deletes what lies beyond the rule in one project.
    Status apply(qint64 projectId);
    // Deletes these versions the rule chose, skipping any that went live,
    // was pinned or was deleted since (another writer shares the database).
    Status expire(const QList<qint64> &versionIds);
    // `deploy.is_live`, `deploy.not_found`.
    Status remove(qint64 versionId);

private:
    Status cleanUpAfter(qint64 versionId, const QList<model::VersionFile> &files);

    storage::VersionStore &m_versions;
    GarbageCollector &m_collector;
    VersionIndexes &m_indexes;
    int m_keep;
};

} // namespace ddd::core::deploy
