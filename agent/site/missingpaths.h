// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <mutex>

namespace ddd::agent::site {

// The paths visitors asked for and got a 404, per project: what a site owner
// needs to find a missing asset ("missing files visitors asked for"). Kept
// in memory only, so it starts empty after a restart. Bounded: paths are
// attacker-chosen, so each project keeps at most `pathsPerProject` (the one
// seen longest ago makes room) and a path is cut to `maxPathLength`.
// Thread-safe; recording runs on the site's I/O threads, on 404s only.
class MissingPaths final
{
public:
    struct Entry
    {
        QString path;       // as requested: percent-decoded, no query
        qint64 count = 0;   // 404 answers since the agent started
        qint64 lastSeenMs = 0;
    };

    static constexpr int pathsPerProject = 100;
    static constexpr int maxPathLength = 1024;

    void record(qint64 projectId, const QString &path, qint64 nowMs);
    // Most requested first (then most recent); empty for unknown projects.
    QList<Entry> forProject(qint64 projectId) const;

private:
    struct Project
    {
        QHash<QString, Entry> entries;
    };

    mutable std::mutex m_mutex;
    QHash<qint64, Project> m_projects;
};

} // namespace ddd::agent::site
