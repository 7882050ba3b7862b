// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "agent/site/missingpaths.h"

#include <algorithm>

namespace ddd::agent::site {

namespace {

// The entry seen longest ago: a linear scan over at most pathsPerProject
// entries, done only when a new path arrives at a full project.
QString stalest(const QHash<QString, MissingPaths::Entry> &entries)
{
    auto oldest = entries.constBegin();
    for (auto it = entries.constBegin(); it != entries.constEnd(); ++it)
        if (it->lastSeenMs < oldest->lastSeenMs)
            oldest = it;
    return oldest.key();
}

} // namespace

void MissingPaths::record(qint64 projectId, const QString &path, qint64 nowMs)
{
    if (projectId <= 0 || path.isEmpty())
        return;
    const QString key = path.left(maxPathLength);
    std::lock_guard lock(m_mutex);
    QHash<QString, Entry> &entries = m_projects[projectId].entries;
    auto found = entries.find(key);
    if (found == entries.end()) {
        if (entries.size() >= pathsPerProject)
            entries.remove(stalest(entries));
        found = entries.insert(key, Entry{key, 0, 0});
    }
    ++found->count;
    found->lastSeenMs = nowMs;
}

QList<MissingPaths::Entry> MissingPaths::forProject(qint64 projectId) const
{
    QList<Entry> list;
    {
        std::lock_guard lock(m_mutex);
        const auto project = m_projects.constFind(projectId);
        if (project == m_projects.constEnd())
            return list;
        list = project->entries.values();
    }
    std::sort(list.begin(), list.end(), [](const Entry &a, const Entry &b) {
        if (a.count != b.count)
            return a.count > b.count;
        if (a.lastSeenMs != b.lastSeenMs)
            return a.lastSeenMs > b.lastSeenMs;
        return a.path < b.path;
    });
    return list;
}

} // namespace ddd::agent::site
