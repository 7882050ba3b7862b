// SPDX-FileCopyrightText: 2026 DragDropDeploy authors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QList>

#include <functional>
#include <optional>

namespace ddd::core::storage {

class ConnectionProvider;

// What version index files are written and checked from: a version's files
// with their variant decisions in one ordered scan, and which versions
// should have an index (ready, live or retired: those that can be served).
class VersionIndexRows final
{
public:
    struct Row
    {
        QByteArray path;   // UTF-8, as stored
        QByteArray sha256; // hex
        qint64 size = 0;
        std::optional<qint64> brotliSize; // kept variant
        std::optional<qint64> gzipSize;
        bool brotliDecided = false; // tried, kept or not
        bool gzipDecided = false;
        bool brotliPublished = false; // kept and in the shared bucket (variant_sha256)
        bool gzipPublished = false;
    };
    struct Servable
    {
        qint64 versionId = 0;
        qint64 projectId = 0;
        qint64 fileCount = 0;
    };

    explicit VersionIndexRows(ConnectionProvider &connections);

    // Every file of the version, ordered by path bytes (SQLite's BINARY
    // collation: memcmp), streamed to `row` so no list of a 100,000-file
    // version is built; stops at the first error `row` answers.
    Status forEach(qint64 versionId, const std::function<Status(const Row &)> &row);
    // Versions with status ready, live or retired; of one project when given.
    Result<QList<Servable>> servable(std::optional<qint64> projectId = std::nullopt);

private:
    ConnectionProvider &m_connections;
};

} // namespace ddd::core::storage
