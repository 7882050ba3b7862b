// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/blobs/manifest.h"
#include "core/blobs/manifestentry.h"

#include <QByteArray>
#include <QList>

#include <functional>

namespace ddd::core::blobs {

// What deploying `to` over `from` changes: the dashboard's review before an
// upload, and the incremental protocol's list of blobs to send.
//
// Byte deltas: bytesAdded counts added files plus the new content of changed
// files, bytesRemoved removed files plus the old content of changed files, so
// bytesAdded - bytesRemoved is the change in site size. bytesToUpload counts
// each distinct new content once, leaving out what `from` already holds and
// what the receiving store already has.
class ManifestDiff final
{
public:
    struct Change
    {
        ManifestEntry before;
        ManifestEntry after;
    };

    // `alreadyStored` answers whether the receiving side holds a blob (for
    // instance BlobStore::contains); without it only `from` counts as held.
    static ManifestDiff between(const Manifest &from, const Manifest &to,
                                const std::function<bool(const QByteArray &)> &alreadyStored = {});

    const QList<ManifestEntry> &added() const { return m_added; }
    const QList<Change> &changed() const { return m_changed; }
    const QList<ManifestEntry> &removed() const { return m_removed; }
    bool isEmpty() const { return m_added.isEmpty() && m_changed.isEmpty() && m_removed.isEmpty(); }

    qint64 bytesAdded() const;
    qint64 bytesRemoved() const;
    // Each new content once (the first file that has it stands for it).
    const QList<ManifestEntry> &blobsToUpload() const { return m_uploads; }
    qint64 bytesToUpload() const;

private:
    void collectUploads(const Manifest &from, const std::function<bool(const QByteArray &)> &alreadyStored);

    QList<ManifestEntry> m_added;
    QList<Change> m_changed;
    QList<ManifestEntry> m_removed;
    QList<ManifestEntry> m_uploads;
};

} // namespace ddd::core::blobs
