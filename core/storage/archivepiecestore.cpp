// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/archivepiecestore.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"

namespace ddd::core::storage {

ArchivePieceStore::ArchivePieceStore(ConnectionProvider &connections) : m_connections(connections) {}

Status ArchivePieceStore::add(const QString &uploadId, const Piece &piece)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"INSERT INTO archive_upload_pieces (upload_id, start, size, sha256) VALUES (?1, ?2, ?3, ?4)"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, uploadId).bind(2, piece.start).bind(3, piece.size).bind(4, QString::fromLatin1(piece.sha256));
    Status added = statement->run();
    if (!added && added.error().code == u"storage.constraint")
        return Error::make(u"upload.offset_mismatch"_qs, u"Another request added a piece at this offset first"_qs,
                           {{u"offset"_qs, piece.start}});
    return added;
}

Result<QList<ArchivePieceStore::Piece>> ArchivePieceStore::list(const QString &uploadId)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"SELECT start, size, sha256 FROM archive_upload_pieces WHERE upload_id = ?1 ORDER BY start"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, uploadId);
    return statement->collect<Piece>([](const Statement &row) {
        return Piece{row.columnInt(0), row.columnInt(1), row.columnText(2).toLatin1()};
    });
}

Result<qint64> ArchivePieceStore::received(const QString &uploadId)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"SELECT COALESCE(MAX(start + size), 0) FROM archive_upload_pieces WHERE upload_id = ?1"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, uploadId);
    Result<bool> row = statement->step();
    if (!row)
        return row.error();
    return *row ? statement->columnInt(0) : 0;
}

} // namespace ddd::core::storage
