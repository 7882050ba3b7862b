// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/archiveupload.h"
#include "core/util/result.h"

#include <QList>
#include <QStringList>

#include <optional>

namespace ddd::core::storage {

class ConnectionProvider;

// Rows of `archive_uploads`. A row goes when its archive is completed or
// discarded, when it expires (removeExpired), or with its project.
class ArchiveUploadStore final
{
public:
    explicit ArchiveUploadStore(ConnectionProvider &connections);

    Status insert(const ArchiveUpload &upload);
    // Expired rows are not returned (they linger until removeExpired).
    Result<std::optional<ArchiveUpload>> findUnexpired(const QString &id, qint64 nowMs);
    // The author's unexpired uploads, of one project when `projectId` > 0.
    Result<QList<ArchiveUpload>> listUnexpired(qint64 authorId, qint64 projectId, qint64 nowMs);
    Result<qint64> countUnexpired(qint64 authorId, qint64 nowMs);
    Status touch(const QString &id, qint64 expiresAt);
    Status remove(const QString &id);
    // Deletes the expired rows and answers their ids.
    Result<QStringList> removeExpired(qint64 nowMs);
    // Every id with a row, expired or not (to tell orphaned folders).
    Result<QStringList> allIds();

private:
    Result<QList<ArchiveUpload>> select(const QString &where, const QList<qint64> &numbers, const QString &text);

    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
