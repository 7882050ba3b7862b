// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArrayView>
#include <QFile>
#include <QString>

#include <memory>
#include <optional>

namespace ddd::core::blobs {
class BlobStore;
}

namespace ddd::core::upload {

// An archive body on disk while it arrives: `archive.spool` in a staging
// area of its own (staging/upload-XXXXXX/), so an archive is never whole in
// memory and ingest can stage its blobs next to it. The staging area goes
// with the object, whatever happened; one left by a crash is removed at
// start-up (Reconciler).
class ArchiveSpool final
{
public:
    // `declaredBytes` is the body's length when the client announced it:
    // `archive.too_large` now when it exceeds `maxBytes`, `storage.disk_full`
    // when it cannot fit on the staging file system.
    static Result<std::unique_ptr<ArchiveSpool>> create(const blobs::BlobStore &store, qint64 maxBytes,
                                                        std::optional<qint64> declaredBytes);
    ~ArchiveSpool();
    ArchiveSpool(const ArchiveSpool &) = delete;
    ArchiveSpool &operator=(const ArchiveSpool &) = delete;

    // `archive.too_large` past maxBytes, `storage.disk_full` when the disk is.
    Status append(QByteArrayView chunk);
    Status close();
    // The archive is already whole in `path` (on the staging file system):
    // it replaces the spool file by a rename, under the same size limit.
    Status adopt(const QString &path);

    QString path() const { return m_file.fileName(); }
    const QString &stagingArea() const { return m_directory; }
    qint64 size() const { return m_size; }

private:
    ArchiveSpool(const blobs::BlobStore &store, QString directory, qint64 maxBytes);
    Status open();
    Error writeError() const;

    const blobs::BlobStore &m_store;
    const QString m_directory;
    const qint64 m_maxBytes;
    QFile m_file;
    qint64 m_size = 0;
};

} // namespace ddd::core::upload
