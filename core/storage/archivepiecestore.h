// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace ddd::core::storage {

class ConnectionProvider;

// Rows of `archive_upload_pieces` (schema step 19): the pieces of an
// archive upload kept in shared object storage, which go with their
// upload's row.
class ArchivePieceStore final
{
public:
    struct Piece
    {
        qint64 start = 0;
        qint64 size = 0;
        QByteArray sha256; // lower-case hex
    };

    explicit ArchivePieceStore(ConnectionProvider &connections);

    // `upload.offset_mismatch` when the upload gained a piece at `start`
    // meanwhile (another agent took it): of two racing pieces one counts.
    Status add(const QString &uploadId, const Piece &piece);
    // In order of their place in the archive.
    Result<QList<Piece>> list(const QString &uploadId);
    // Where the next piece starts: the end of the last one.
    Result<qint64> received(const QString &uploadId);

private:
    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
