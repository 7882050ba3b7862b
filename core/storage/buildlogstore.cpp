// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#include "core/storage/buildlogstore.h"

#include "core/storage/connectionprovider.h"
#include "core/storage/database.h"
#include "core/storage/statement.h"

namespace ddd::core::storage {

BuildLogStore::BuildLogStore(ConnectionProvider &connections) : m_connections(connections) {}

Status BuildLogStore::append(qint64 buildId, qint64 seq, const QByteArray &lines)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"INSERT INTO build_log_chunks (build_id, seq, lines) VALUES (?1, ?2, ?3)"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, buildId).bind(2, seq).bind(3, lines);
    return statement->run();
}

Result<QList<BuildLogStore::Chunk>> BuildLogStore::after(qint64 buildId, qint64 seq)
{
    Result<Statement> statement = m_connections.current().prepare(
        u"SELECT seq, lines FROM build_log_chunks WHERE build_id = ?1 AND seq > ?2 ORDER BY seq"_qs);
    if (!statement)
        return statement.error();
    statement->bind(1, buildId).bind(2, seq);
    return statement->collect<Chunk>(
        [](Statement &row) { return Chunk{row.columnInt(0), row.columnBlob(1)}; });
}

Result<QByteArray> BuildLogStore::read(qint64 buildId)
{
    Result<QList<Chunk>> chunks = after(buildId, 0);
    if (!chunks)
        return chunks.error();
    QByteArray all;
    for (const Chunk &chunk : *chunks)
        all += chunk.lines;
    return all;
}

} // namespace ddd::core::storage
