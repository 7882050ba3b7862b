// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/blobs/manifestdiff.h"

#include <QSet>

namespace ddd::core::blobs {

ManifestDiff ManifestDiff::between(const Manifest &from, const Manifest &to,
                                   const std::function<bool(const QByteArray &)> &alreadyStored)
{
    ManifestDiff diff;
    const QList<ManifestEntry> &before = from.entries();
    const QList<ManifestEntry> &after = to.entries();
    qsizetype i = 0;
    qsizetype j = 0;
    // Both lists are sorted by path: one merge pass.
    while (i < before.size() || j < after.size()) {
        if (j == after.size() || (i < before.size() && Manifest::pathLess(before.at(i).path, after.at(j).path))) {
            diff.m_removed.append(before.at(i++));
        } else if (i == before.size() || Manifest::pathLess(after.at(j).path, before.at(i).path)) {
            diff.m_added.append(after.at(j++));
        } else {
            if (before.at(i).sha256 != after.at(j).sha256)
                diff.m_changed.append({before.at(i), after.at(j)});
            ++i;
            ++j;
        }
    }
    diff.collectUploads(from, alreadyStored);
    return diff;
}

void ManifestDiff::collectUploads(const Manifest &from, const std::function<bool(const QByteArray &)> &alreadyStored)
{
    QSet<QByteArray> held;
    for (const ManifestEntry &entry : from.entries())
        held.insert(entry.sha256);
    auto consider = [&](const ManifestEntry &entry) {
        if (held.contains(entry.sha256))
            return;
        held.insert(entry.sha256);
        if (!alreadyStored || !alreadyStored(entry.sha256))
            m_uploads.append(entry);
    };
    for (const ManifestEntry &entry : m_added)
        consider(entry);
    for (const Change &change : m_changed)
        consider(change.after);
}

qint64 ManifestDiff::bytesAdded() const
{
    qint64 total = 0;
    for (const ManifestEntry &entry : m_added)
        total += entry.size;
    for (const Change &change : m_changed)
        total += change.after.size;
    return total;
}

qint64 ManifestDiff::bytesRemoved() const
{
    qint64 total = 0;
    for (const ManifestEntry &entry : m_removed)
        total += entry.size;
    for (const Change &change : m_changed)
        total += change.before.size;
    return total;
}

qint64 ManifestDiff::bytesToUpload() const
{
    qint64 total = 0;
    for (const ManifestEntry &entry : m_uploads)
        total += entry.size;
    return total;
}

} // namespace ddd::core::blobs
