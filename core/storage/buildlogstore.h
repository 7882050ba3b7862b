// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QList>

namespace ddd::core::storage {

class ConnectionProvider;

// build_log_chunks (schema step 21): a build's log as numbered chunks of
// whole lines, each ending in '\n'. The agent running the build appends
// them a few times a second (BuildLog::ship); any agent reads them.
class BuildLogStore final
{
public:
    struct Chunk final
    {
        qint64 seq = 0;
        QByteArray lines;
    };

    explicit BuildLogStore(ConnectionProvider &connections);

    // `storage.constraint` when the build's row is gone or `seq` is taken.
    Status append(qint64 buildId, qint64 seq, const QByteArray &lines);
    // The chunks after `seq`, in order.
    Result<QList<Chunk>> after(qint64 buildId, qint64 seq);
    // The whole log.
    Result<QByteArray> read(qint64 buildId);

private:
    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
