// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/storage/uploadsession.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QSet>

#include <optional>

namespace ddd::core::storage {

class ConnectionProvider;

// Rows of `upload_sessions`. Sessions end in VersionStore::insert (which
// consumes them), by expiry, or with their project.
class UploadSessionStore final
{
public:
    explicit UploadSessionStore(ConnectionProvider &connections);

    Status insert(const UploadSession &session);
    // Expired sessions are not returned (they may linger until removeExpired).
    Result<std::optional<UploadSession>> findUnexpired(const QString &id, qint64 nowMs);
    // The blobs of every unexpired session's manifest: they stay, here and
    // in a shared bucket.
    Result<QSet<QByteArray>> unexpiredHashes(qint64 nowMs);
    // Answers how many sessions ended.
    Result<int> removeExpired(qint64 nowMs);

private:
    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
